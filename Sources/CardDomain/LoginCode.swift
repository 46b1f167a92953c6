import Crypto

/// A one-time login code (D10): shown on the terminal for a platform login (扫码登录,
/// 人脸识别, 电子营业执照, ...), approved or denied through the identity port, used once.
/// The journal keeps only the code's hash, never the code.
public struct LoginCode: Codable, Equatable, Sendable {
    /// What the identity port said.
    public enum Decision: Codable, Equatable, Sendable {
        /// The account the approved identity logs in as.
        case approved(account: String)
        case denied(reason: String)
    }

    /// The login method's id in channels.json (qrScan, face, businessLicence, ...).
    public var method: String
    /// Whose tab it was asked from: person, unitOperator (the identity must fit it).
    public var actor: String
    public var channel: Channel
    public var terminal: String
    public var expiresAt: Int64
    public var decision: Decision?
    public var used: Bool
    /// The person it may only be approved as (实名认证's face check), if any.
    public var expected: String? = nil

    /// 8 characters from an alphabet without look-alikes (no 0/O/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B).
    public static let alphabet = Array("ACDEFHJKMNPRTUVWXY3479")
    public static let length = 8

    /// A fresh code from `random` (the system's generator in the app).
    public static func make(using random: inout some RandomNumberGenerator) -> String {
        String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
    }

    /// The code as stored and looked up: SHA-256 of the code as typed, upper-cased, without spaces.
    public static func hash(_ code: String) -> String {
        let normalised = code.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        return SHA256.hash(data: Array(normalised.utf8)).hexadecimal
    }

    /// "ACDE-FGHJ", as the screen and a person read it out.
    public static func grouped(_ code: String) -> String {
        String(code.prefix(4)) + "-" + String(code.dropFirst(4))
    }
}
