/// 手机号验证码登录's limits (民生一卡通), from terminal.json: the code's digits, how soon a
/// code may be sent again, how long it lasts, and how many wrong codes lock the number.
public struct SMSPolicy: Codable, Equatable, Sendable {
    public var codeDigits: Int
    public var resendSeconds: Int
    public var codeMinutes: Int
    public var maxFailures: Int
    public var lockMinutes: Int

    public init(codeDigits: Int, resendSeconds: Int, codeMinutes: Int, maxFailures: Int, lockMinutes: Int) {
        self.codeDigits = codeDigits
        self.resendSeconds = resendSeconds
        self.codeMinutes = codeMinutes
        self.maxFailures = maxFailures
        self.lockMinutes = lockMinutes
    }

    public static let standard = SMSPolicy(codeDigits: 6, resendSeconds: 60, codeMinutes: 5, maxFailures: 5, lockMinutes: 15)
}
