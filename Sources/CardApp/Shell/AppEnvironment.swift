import CardDomain
import CardStore
import ReceiptPrinting
import UnitCertificates

/// What the app model reads from outside, injected so tests are exact: the repository,
/// the policies, this terminal's name, and where captcha digits come from.
public struct AppEnvironment {
    public let repository: CardRepository
    public let policy: TerminalPolicy
    public let options: AppOptions
    public let terminal: String
    public let profile: ChannelProfile
    var captchaSource: () -> Captcha
    /// Where one-time login codes come from (D10): random, unless a test fixes them.
    var loginCodeSource: () -> String = {
        var generator = SystemRandomNumberGenerator()
        return LoginCode.make(using: &generator)
    }
    /// Where 手机号验证码登录's digits come from: random, unless a test fixes them.
    var smsCodeSource: () -> String
    /// Where SMS codes go: the data directory's outbox, unless a deployment plugs in its platform.
    var smsGateway: any SMSGateway
    /// 证书登录: the port that checks a unit certificate's chain, and the CAs it may chain to.
    var certificateVerifier: any CertificateVerifier = UnitCertificateVerifier()
    let certificateAuthority: DeploymentAuthority
    /// Where 民生一卡通's 身份识别 reads the card (D9).
    let idCardReader: any IDCardReader
    /// Receipts: kept as PDF under the data directory's receipts/, and spooled when a
    /// printer is configured.
    var receiptPrinter: ReceiptPrinter
    /// The weak-password dictionary new passwords are checked against (cracklib).
    var passwordDictionary: any PasswordDictionary = CrackLibDictionary()

    public init(repository: CardRepository, policy: TerminalPolicy, options: AppOptions, terminal: String,
                captchaSource: (() -> Captcha)? = nil, idCardReader: any IDCardReader = RecordsIDCardReader()) throws {
        guard let profile = repository.reference.channel(options.channel) else {
            throw ChannelNotConfigured(channel: options.channel)
        }
        self.repository = repository
        self.policy = policy
        self.options = options
        self.terminal = terminal
        self.profile = profile
        self.idCardReader = idCardReader
        smsGateway = SMSOutbox(data: repository.data)
        certificateAuthority = DeploymentAuthority(dataRoot: repository.data.root)
        let digits = repository.reference.loginPolicy.sms.codeDigits
        smsCodeSource = {
            var generator = SystemRandomNumberGenerator()
            return String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
        }
        receiptPrinter = ReceiptPrinter(directory: repository.data.root.appending("receipts"), printer: options.printer)
        let length = repository.reference.loginPolicy.captchaLength
        self.captchaSource = captchaSource ?? {
            var generator = SystemRandomNumberGenerator()
            return Captcha.random(length: length, using: &generator)
        }
    }

    func context(now: Int64) -> CommandContext {
        SessionClock.context(now: now, terminal: terminal, channel: options.channel)
    }

    /// Idle seconds before the kiosk resets, and the warning before it.
    var idleLimits: (idle: Int64, warning: Int64) {
        let kiosk = policy.kiosk
        return options.elder
            ? (Int64(kiosk.elderIdleSeconds), Int64(kiosk.elderWarningSeconds))
            : (Int64(kiosk.idleSeconds), Int64(kiosk.warningSeconds))
    }
}

public struct ChannelNotConfigured: Error, CustomStringConvertible {
    public let channel: Channel
    public var description: String { "渠道 \(channel.rawValue) 没有配置（Resources/Data/channels.json）" }
}
