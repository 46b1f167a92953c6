import CCertificateShim

/// The certificate verifier over Debian's OpenSSL 3: X509_verify_cert with the SSL client
/// purpose, SM2-signed certificates checked with the standard ID (1234567812345678).
public struct OpenSSLCertificateVerifier: CertificateVerifier {
    public init() {}

    public func verify(_ certificate: X509Certificate, trusting authorities: [String], at seconds: Int64) -> CertificateVerdict {
        guard certificate.allowsClientAuth else { return .notForLogin }
        let trusted = Array(authorities.joined(separator: "\n").utf8)
        let code = trusted.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { sscard_verify_chain(certificate.pointer, $0.baseAddress, $0.count, seconds) }
        }
        switch code {
        case 0: return .valid
        case 10: return .expired                // X509_V_ERR_CERT_HAS_EXPIRED
        case 9: return .notYetValid             // X509_V_ERR_CERT_NOT_YET_VALID
        case 2, 7, 18, 19, 20, 21: return .untrusted  // no issuer, bad signature, self-signed, unable to verify
        case 26: return .notForLogin            // X509_V_ERR_INVALID_PURPOSE
        default: return .invalid(String(cString: sscard_verify_error_string(code)))
        }
    }
}
