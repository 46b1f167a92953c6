/// The verifier sscard uses: swift-certificates for P-256 and RSA certificates, OpenSSL for
/// SM2 with SM3, which swift-certificates cannot parse.
public struct UnitCertificateVerifier: CertificateVerifier {
    let standard: any CertificateVerifier
    let national: any CertificateVerifier

    public init(standard: any CertificateVerifier = SwiftCertificatesVerifier(),
                national: any CertificateVerifier = OpenSSLCertificateVerifier()) {
        self.standard = standard
        self.national = national
    }

    public func verify(_ certificate: X509Certificate, trusting authorities: [String], at seconds: Int64) -> CertificateVerdict {
        (certificate.isSM2 ? national : standard).verify(certificate, trusting: authorities, at: seconds)
    }
}
