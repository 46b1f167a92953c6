/// What checking a certificate's chain found, each said differently to the user.
public enum CertificateVerdict: Equatable, Sendable {
    case valid
    case expired
    case notYetValid
    /// Not issued by a CA this deployment trusts (or its signature does not hold).
    case untrusted
    /// The certificate may not be used to log in (no clientAuth).
    case notForLogin
    /// Anything else the verifier reported, in its words.
    case invalid(String)
}
