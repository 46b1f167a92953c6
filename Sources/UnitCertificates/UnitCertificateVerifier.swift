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

    /// The checks common to both paths come first, once: the serial, and the trust anchors
    /// (`TrustAnchorPolicy`), so that neither verifier ever sees a certificate the policy refuses.
    public func verify(_ certificate: X509Certificate, trusting authorities: [String], at seconds: Int64) -> CertificateVerdict {
        guard certificate.hasPositiveSerial else { return .invalidSerial }
        let anchors = TrustAnchorPolicy.anchors(authorities)
        let issuers = anchors.filter { certificate.isIssued(by: $0) }
        if !issuers.isEmpty, let expired = issuers.first(where: { $0.notAfter < seconds }),
           issuers.allSatisfy({ $0.notAfter < seconds }) {
            return .authorityExpired(name: expired.commonName ?? "", at: expired.notAfter)
        }
        return (certificate.isSM2 ? national : standard).verify(certificate, trusting: anchors.map(\.pem), at: seconds)
    }
}
