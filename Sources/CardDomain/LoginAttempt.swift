/// One try at account login (D10), as recorded: which account (if the name matched one),
/// which method, whether it succeeded, why it was refused, and the lock it caused.
public struct LoginAttempt: Codable, Equatable, Sendable {
    /// Why a try was refused. Only a wrong password counts towards the lock.
    public enum Refusal: String, Codable, Sendable {
        case wrongPassword, wrongCaptcha, locked
        /// The account is 已停用, or its temporary password lapsed before it was changed.
        case disabled, temporaryPasswordExpired
    }

    /// The account tried; nil when the name matched no account (the typed name is not
    /// kept, since it may be someone's ID number).
    public var username: String?
    /// The login method's id in channels.json, such as "account" or "password".
    public var method: String
    public var succeeded: Bool
    /// Set on the failure that locks the account: until when (µs since 1970).
    public var lockedUntil: Int64?
    /// Nil on a success, and on failures recorded before refusals had reasons (wrong password).
    public var refusal: Refusal?
    /// The one-time code a platform login used (its hash), now spent.
    public var codeHash: String?
    /// A certificate login: the certificate's serial, and its challenge's nonce, now spent.
    public var certificateSerial: String?
    public var challengeNonce: String?
    /// A certificate login: what a success clears of the wrong-password counts (the key's, the unit's).
    public var certificateLockIdentities: [String]?

    public init(username: String?, method: String, succeeded: Bool, lockedUntil: Int64? = nil, refusal: Refusal? = nil,
                codeHash: String? = nil, certificateSerial: String? = nil, challengeNonce: String? = nil) {
        self.username = username
        self.method = method
        self.succeeded = succeeded
        self.lockedUntil = lockedUntil
        self.refusal = refusal
        self.codeHash = codeHash
        self.certificateSerial = certificateSerial
        self.challengeNonce = challengeNonce
    }
}

/// What became of the captcha on a try: none was asked for, or it was answered right or wrong.
public enum CaptchaAnswer: String, Codable, Equatable, Sendable {
    case notAsked, correct, wrong
}
