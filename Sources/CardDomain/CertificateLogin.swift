import Crypto
import Foundation

/// A unit certificate login the terminal has checked (key opened with the 证书密码, the
/// fresh challenge signed and verified, the chain to a trusted CA): what the journal then
/// decides on, under its lock: revocation, the lock, the challenge used once, the unit.
public struct CertificateLogin: Codable, Equatable, Sendable {
    /// The certificate's serial, upper-case hex.
    public var serial: String
    /// The subject's serialNumber: the unit's 统一社会信用代码.
    public var creditCode: String
    /// The challenge's nonce (hex) and when it stops being valid (µs since 1970).
    public var nonce: String
    public var expiresAt: Int64
    /// The key's fingerprint, so the journal refuses a key locked by wrong passwords.
    public var key: String?

    /// The longest a challenge may be valid for: the journal refuses a longer one, and so
    /// may forget a used nonce after this long (the terminal gives 60 s).
    public static let maximumChallengeSeconds: Int64 = 300

    public init(serial: String, creditCode: String, nonce: String, expiresAt: Int64, key: String? = nil) {
        self.serial = Self.normalised(serial)
        self.creditCode = creditCode
        self.nonce = nonce
        self.expiresAt = expiresAt
        self.key = key
    }

    /// Wrong 证书密码 count against the key and against the unit, never against the
    /// certificate beside the key: any certificate can be put there, and a lock keyed on it
    /// was bypassed by swapping certificates.
    public static func lockIdentities(key: String?, unit: String?) -> [String] {
        (key.map { ["key:" + $0] } ?? []) + (unit.map { ["unit:" + $0] } ?? [])
    }

    /// The SHA-256 of the key file's DER bytes (the PEM body), hex: the same for the same
    /// key file however its lines are wrapped. Nil when it is no PEM.
    public static func keyFingerprint(pem: String) -> String? {
        let body = pem.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") && !$0.contains(":") }.joined()
        guard !body.isEmpty, let der = Data(base64Encoded: body) else { return nil }
        return SHA256.hash(data: der).map { String(format: "%02x", $0) }.joined()
    }

    /// Serials compare as OpenSSL prints them: upper-case hex, no colons, no leading zeros.
    public static func normalised(_ serial: String) -> String {
        let hex = serial.uppercased().filter { $0 != ":" && !$0.isWhitespace }
        let trimmed = hex.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// What a locked certificate is told, by the journal and the terminal alike.
    public static func lockedMessage(until: Int64) -> String {
        "证书密码错误次数过多，该证书已锁定至 \(BeijingTime.clock(microseconds: until))，请稍后再试"
    }

    /// The bytes the certificate's key signs: domain-separated, so a signature made for
    /// anything else (or another terminal, or after the expiry) is never a login.
    public static func challenge(terminal: String, nonce: String, expiresAt: Int64) -> [UInt8] {
        Array("sscard-login-v1\nterminal=\(terminal)\nnonce=\(nonce)\nexpires=\(expiresAt)\n".utf8)
    }
}
