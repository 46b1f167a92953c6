/// D10's limits for login, loaded from Resources/Data/terminal.json: how many wrong
/// passwords in a row lock an account, and for how long; how long a one-time login code
/// (扫码登录 and the other platform logins) may wait for its approval; the SMS code's limits.
public struct LoginPolicy: Codable, Equatable, Sendable {
    public var maxFailures: Int
    public var lockMinutes: Int
    public var captchaLength: Int
    public var codeSeconds: Int
    public var sms: SMSPolicy
    /// How long a temporary password an administrator gives out stays usable (issue 27).
    public var temporaryPasswordHours: Int

    public init(maxFailures: Int, lockMinutes: Int, captchaLength: Int, codeSeconds: Int = 120, sms: SMSPolicy = .standard,
                temporaryPasswordHours: Int = 72) {
        self.maxFailures = maxFailures
        self.lockMinutes = lockMinutes
        self.captchaLength = captchaLength
        self.codeSeconds = codeSeconds
        self.sms = sms
        self.temporaryPasswordHours = temporaryPasswordHours
    }

    public static let d10 = LoginPolicy(maxFailures: 5, lockMinutes: 15, captchaLength: 4, codeSeconds: 120)
}
