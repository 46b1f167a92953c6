/// What checking a certificate's chain found, each said differently to the user.
public enum CertificateVerdict: Equatable, Sendable {
    case valid
    case expired
    case notYetValid
    /// Not issued by a CA this deployment trusts (or its signature does not hold).
    case untrusted
    /// The certificate may not be used to log in (no clientAuth).
    case notForLogin
    /// Its serial number is not a positive integer (RFC 5280): it could never be revoked.
    case invalidSerial
    /// The trusted CA that issued it has expired (its name, and when, in seconds since 1970).
    case authorityExpired(name: String, at: Int64)
    /// Anything else the verifier reported, in its words.
    case invalid(String)
}
