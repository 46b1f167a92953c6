/// One try at account login (D10), recorded whether it passed or not: failures count
/// towards the lock, and a terminal where a try failed asks for a captcha next time.
public struct LoginAttempt: Codable, Equatable, Sendable {
    /// The account tried; nil when the name matched no account (the typed name is not
    /// kept, since it may be someone's ID number).
    public var username: String?
    /// The login method's id in channels.json, such as "account" or "password".
    public var method: String
    public var succeeded: Bool
    /// Set on the failure that locks the account: until when (µs since 1970).
    public var lockedUntil: Int64?

    public init(username: String?, method: String, succeeded: Bool, lockedUntil: Int64? = nil) {
        self.username = username
        self.method = method
        self.succeeded = succeeded
        self.lockedUntil = lockedUntil
    }
}
