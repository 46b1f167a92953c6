extension DomainEvent {
    /// The SMS gateway was asked to send a login code to a 卡预留手机号; only its scrypt hash is kept.
    public struct SMSCodeSent: Codable, Equatable, Sendable {
        public var phone: String
        public var codeHash: String
        public var expiresAt: Int64

        public init(phone: String, codeHash: String, expiresAt: Int64) {
            self.phone = phone
            self.codeHash = codeHash
            self.expiresAt = expiresAt
        }
    }

    /// A typed SMS code, right or wrong; the wrong one that reaches the limit locks the number.
    public struct SMSCodeChecked: Codable, Equatable, Sendable {
        public var phone: String
        public var succeeded: Bool
        public var lockedUntil: Int64?

        public init(phone: String, succeeded: Bool, lockedUntil: Int64? = nil) {
            self.phone = phone
            self.succeeded = succeeded
            self.lockedUntil = lockedUntil
        }
    }

    /// 实名认证 passed on the envelope's channel: 姓名 and 身份证号 matched the records, and
    /// the face check (the identity port, by the code's hash) found the same person.
    public struct RealNameVerified: Codable, Equatable, Sendable {
        public var personNumber: String
        public var codeHash: String

        public init(personNumber: String, codeHash: String) {
            self.personNumber = personNumber
            self.codeHash = codeHash
        }
    }
}
