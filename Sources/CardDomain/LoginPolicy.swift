/// D10's limits for account login, loaded from Resources/Data/terminal.json: how many
/// wrong passwords in a row lock an account, and for how long.
public struct LoginPolicy: Codable, Equatable, Sendable {
    public var maxFailures: Int
    public var lockMinutes: Int
    public var captchaLength: Int

    public init(maxFailures: Int, lockMinutes: Int, captchaLength: Int) {
        self.maxFailures = maxFailures
        self.lockMinutes = lockMinutes
        self.captchaLength = captchaLength
    }

    public static let d10 = LoginPolicy(maxFailures: 5, lockMinutes: 15, captchaLength: 4)
}
