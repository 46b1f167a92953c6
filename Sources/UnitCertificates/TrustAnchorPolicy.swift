import CCertificateShim

/// What a CA certificate must be for sscard to trust it, for both verifiers alike (OpenSSL
/// for SM2, swift-certificates for P-256 and RSA), so one policy is written once: an X.509
/// v3 certificate with basicConstraints CA:TRUE and keyUsage keyCertSign, valid now. A v1
/// self-signed certificate, or one with keyCertSign but no basicConstraints, is not an
/// anchor however it got into the trusted folder: such a certificate signed leaves that
/// logged in as any unit.
public enum TrustAnchorPolicy {
    /// Why `certificate` may not be trusted at `seconds` (empty when it may), in Chinese.
    public static func problems(_ certificate: X509Certificate, at seconds: Int64) -> [String] {
        let bits = certificate.anchorProblemBits
        var found: [String] = []
        if bits & SSCARD_ANCHOR_NOT_V3 != 0 { found.append("不是 X.509 第 3 版证书") }
        if bits & SSCARD_ANCHOR_NOT_CA != 0 { found.append("没有 basicConstraints CA:TRUE") }
        if bits & SSCARD_ANCHOR_NO_KEY_CERT_SIGN != 0 { found.append("keyUsage 中没有 keyCertSign") }
        if certificate.notAfter < seconds { found.append("已过期") }
        if certificate.notBefore > seconds { found.append("尚未生效") }
        return found
    }

    /// The anchors among `authorities` (PEM) that the policy allows, by structure alone;
    /// an expired one stays, so that a login can name the expiry.
    static func anchors(_ authorities: [String]) -> [X509Certificate] {
        authorities.compactMap(X509Certificate.read(pem:)).filter { $0.anchorProblemBits == 0 }
    }
}
