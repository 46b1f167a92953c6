/// The port that checks a unit certificate: its chain to a trusted CA at a time, and that
/// it may be used for client authentication. Adapters: OpenSSL (every algorithm here,
/// SM2 with SM3 included).
public protocol CertificateVerifier: Sendable {
    /// Checks `certificate` against the trusted CA certificates (PEM) at `seconds` since 1970.
    func verify(_ certificate: X509Certificate, trusting authorities: [String], at seconds: Int64) -> CertificateVerdict
}
