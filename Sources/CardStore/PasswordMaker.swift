import CardDomain

/// Hashes new passwords with a fresh random salt, and makes the one-time temporary
/// passwords an administrator hands over (账号管理, `sscard accounts`).
public enum PasswordMaker {
    /// The PHC-style scrypt string to record; the plain text goes nowhere else.
    public static func hash(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return try PasswordHash.make(password: password, salt: salt).description
    }

    /// Three groups of four, such as `Hq7k-Tm3x-Wp9c`: upper and lower case, digits and a
    /// symbol, so it meets `PasswordRules`; no 0/O or 1/l/I to misread when said aloud.
    public static func temporary() -> String {
        var generator = SystemRandomNumberGenerator()
        let upper = Array("ABCDEFGHJKMNPQRSTUVWXYZ"), lower = Array("abcdefghijkmnpqrstuvwxyz"), digits = Array("23456789")
        let groups = (0..<3).map { _ in
            String([upper.randomElement(using: &generator)!, lower.randomElement(using: &generator)!,
                    digits.randomElement(using: &generator)!, lower.randomElement(using: &generator)!])
        }
        return groups.joined(separator: "-")
    }
}
