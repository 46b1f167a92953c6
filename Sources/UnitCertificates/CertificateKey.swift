import CCertificateShim

/// A private key held in memory for as long as a login needs it: a unit's, decrypted from
/// its PKCS#8 file with the 证书密码, or the deployment CA's. OpenSSL does the work.
public final class CertificateKey {
    public enum ReadError: Error, Equatable {
        /// The file is an encrypted key that this password does not open.
        case wrongPassword
        /// Not a private key at all, or damaged.
        case unreadable
    }

    let pointer: OpaquePointer

    init(pointer: OpaquePointer) { self.pointer = pointer }

    deinit { sscard_key_free(pointer) }

    /// Reads a PEM private key (PKCS#8, encrypted or not, as `openssl genpkey` and
    /// `openssl pkcs8 -topk8` write them).
    public static func read(pem: String, password: String) throws(ReadError) -> CertificateKey {
        var outcome: Int32 = 0
        let bytes = Array(pem.utf8)
        guard let pointer = bytes.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { sscard_key_read($0.baseAddress, $0.count, password, &outcome) }
        }) else {
            throw outcome == Int32(SSCARD_KEY_WRONG_PASSWORD) ? .wrongPassword : .unreadable
        }
        return CertificateKey(pointer: pointer)
    }

    /// A new P-256 key, or an SM2 key (the national algorithm Chinese unit CAs use).
    public static func generate(sm2: Bool) -> CertificateKey? {
        sscard_key_generate(sm2 ? 1 : 0).map(CertificateKey.init(pointer:))
    }

    public var isSM2: Bool { sscard_key_is_sm2(pointer) == 1 }

    /// The key as PKCS#8 PEM, encrypted (AES-256-CBC, PBES2) under `password` unless nil.
    public func pem(password: String?) -> String? {
        var length = 0
        guard let text = sscard_key_write(pointer, password, &length) else { return nil }
        defer { sscard_free(text) }
        return String(cString: text)
    }

    /// A signature over `data`: ECDSA or RSA with SHA-256, or SM2 with SM3 and the standard ID.
    public func sign(_ data: [UInt8]) -> [UInt8]? {
        var signature = [UInt8](repeating: 0, count: 1024)
        let length = sscard_sign(pointer, data, data.count, &signature, signature.count)
        return length > 0 ? Array(signature.prefix(Int(length))) : nil
    }
}
