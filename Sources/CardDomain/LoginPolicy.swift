/// D10's limits for login, loaded from Resources/Data/terminal.json: how many wrong
/// passwords in a row lock an account, and for how long; how long a one-time login code
/// (扫码登录 and the other platform logins) may wait for its approval; the SMS code's limits.
public struct LoginPolicy: Codable, Equatable, Sendable {
    public var maxFailures: Int
    public var lockMinutes: Int
    public var captchaLength: Int
    public var codeSeconds: Int
    public var sms: SMSPolicy

    public init(maxFailures: Int, lockMinutes: Int, captchaLength: Int, codeSeconds: Int = 120, sms: SMSPolicy = .standard) {
        self.maxFailures = maxFailures
        self.lockMinutes = lockMinutes
        self.captchaLength = captchaLength
        self.codeSeconds = codeSeconds
        self.sms = sms
    }

    public static let d10 = LoginPolicy(maxFailures: 5, lockMinutes: 15, captchaLength: 4, codeSeconds: 120)
}
