extension DomainEvent {
    /// An administrator revoked a unit certificate (`sscard ca revoke`): it logs in no more.
    public struct CertificateRevoked: Codable, Equatable, Sendable {
        public var serial: String
        public var reason: String

        public init(serial: String, reason: String) {
            self.serial = serial
            self.reason = reason
        }
    }

    /// A wrong 证书密码; the one that reaches the limit locks the key and the unit. Older
    /// records carry the serial alone, and locked only that certificate.
    public struct CertificatePasswordFailed: Codable, Equatable, Sendable {
        public var serial: String
        /// The key's fingerprint (`CertificateLogin.keyFingerprint`) and the unit's 统一社会信用代码.
        public var key: String?
        public var unit: String?
        public var lockedUntil: Int64?

        public init(serial: String, key: String? = nil, unit: String? = nil, lockedUntil: Int64?) {
            self.serial = serial
            self.key = key
            self.unit = unit
            self.lockedUntil = lockedUntil
        }

        /// What this failure counts against.
        public var lockIdentities: [String] {
            key == nil && unit == nil ? [serial] : CertificateLogin.lockIdentities(key: key, unit: unit)
        }
    }
}
