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

    /// A wrong 证书密码; the one that reaches the limit locks the certificate.
    public struct CertificatePasswordFailed: Codable, Equatable, Sendable {
        public var serial: String
        public var lockedUntil: Int64?

        public init(serial: String, lockedUntil: Int64?) {
            self.serial = serial
            self.lockedUntil = lockedUntil
        }
    }
}
