import CCertificateShim

/// An X.509 certificate parsed by OpenSSL, with the fields a unit login reads: the
/// subject's serialNumber (the unit's 统一社会信用代码), the serial, the validity dates.
public final class X509Certificate {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) { self.pointer = pointer }

    deinit { sscard_certificate_free(pointer) }

    /// The first certificate in a PEM text, or nil.
    public static func read(pem: String) -> X509Certificate? {
        let bytes = Array(pem.utf8)
        let pointer = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { sscard_certificate_read($0.baseAddress, $0.count) }
        }
        return pointer.map(X509Certificate.init(pointer:))
    }

    /// Issues a certificate for `key`: self-signed when `issuer` is nil (a CA), else signed
    /// by `issuerKey`. A CA may sign certificates; a unit's may be used for clientAuth.
    public static func issue(for key: CertificateKey, commonName: String, organisation: String?, subjectSerialNumber: String?,
                             issuer: X509Certificate?, issuerKey: CertificateKey, notBefore: Int64, notAfter: Int64,
                             isAuthority: Bool, serial: UInt64) -> X509Certificate? {
        sscard_certificate_issue(key.pointer, commonName, organisation, subjectSerialNumber, issuer?.pointer, issuerKey.pointer,
                                 notBefore, notAfter, isAuthority ? 1 : 0, serial).map(X509Certificate.init(pointer:))
    }

    public var pem: String {
        var length = 0
        guard let text = sscard_certificate_write(pointer, &length) else { return "" }
        defer { sscard_free(text) }
        return String(cString: text)
    }

    private func text(_ read: (OpaquePointer, UnsafeMutablePointer<CChar>, Int) -> Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: 512)
        guard read(pointer, &buffer, buffer.count) >= 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The subject's serialNumber attribute (2.5.4.5): a unit's 统一社会信用代码.
    public var subjectSerialNumber: String? { text(sscard_subject_serial_number) }
    public var commonName: String? { text(sscard_subject_common_name) }
    /// The certificate's serial number, upper-case hex, as `openssl x509 -serial` prints it.
    public var serial: String { text(sscard_serial_hex) ?? "" }
    /// Validity, in seconds since 1970.
    public var notBefore: Int64 { sscard_not_before(pointer) }
    public var notAfter: Int64 { sscard_not_after(pointer) }
    /// A trust anchor by `TrustAnchorPolicy`: v3, basicConstraints CA:TRUE, keyCertSign.
    public var isAuthority: Bool { sscard_is_authority(pointer) == 1 }
    /// What keeps it from being a trust anchor, as `SSCARD_ANCHOR_*` bits.
    var anchorProblemBits: Int32 { sscard_anchor_problems(pointer) }
    /// A positive serial number (RFC 5280 4.1.2.2): a negative or zero one can never be revoked by number.
    public var hasPositiveSerial: Bool { sscard_serial_is_positive(pointer) == 1 }

    /// Whether `authority` names and keys this certificate's issuer.
    public func isIssued(by authority: X509Certificate) -> Bool { sscard_issued_by(pointer, authority.pointer) == 1 }
    /// extendedKeyUsage names clientAuth.
    public var allowsClientAuth: Bool { sscard_allows_client_auth(pointer) == 1 }
    /// Signed with SM2-with-SM3, or holding an SM2 key.
    public var isSM2: Bool { sscard_certificate_is_sm2(pointer) == 1 }

    public func verifies(_ signature: [UInt8], over data: [UInt8]) -> Bool {
        sscard_verify_signature(pointer, data, data.count, signature, signature.count) == 1
    }

    /// Whether `key` is this certificate's own.
    public func belongs(to key: CertificateKey) -> Bool { sscard_key_matches(pointer, key.pointer) == 1 }
}
