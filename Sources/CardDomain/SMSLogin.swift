/// 手机号验证码登录 for one phone number (民生一卡通): the last code sent (its scrypt hash
/// only: six digits hashed fast could be tried in full within their five minutes), and
/// the wrong codes in a row that lock the number.
public struct SMSLogin: Codable, Equatable, Sendable {
    public var codeHash: String
    public var sentAt: Int64
    public var expiresAt: Int64
    public var used: Bool
    /// Wrong codes in a row since the last success or lock.
    public var failures: Int
    public var lockedUntil: Int64?

    public init(codeHash: String, sentAt: Int64, expiresAt: Int64, used: Bool = false, failures: Int = 0, lockedUntil: Int64? = nil) {
        self.codeHash = codeHash
        self.sentAt = sentAt
        self.expiresAt = expiresAt
        self.used = used
        self.failures = failures
        self.lockedUntil = lockedUntil
    }

    /// What a locked number is told, by the journal and the terminal alike.
    public static func lockedMessage(until: Int64) -> String {
        "验证码错误次数过多，该手机号已锁定至 \(BeijingTime.clock(microseconds: until))，请稍后再试"
    }

    /// Whether the number is locked at `now`.
    public func isLocked(at now: Int64) -> Bool { lockedUntil.map { $0 > now } ?? false }
}
