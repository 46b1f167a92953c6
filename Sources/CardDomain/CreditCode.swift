/// 统一社会信用代码 per GB 32100-2015: 18 characters over the 31-character alphabet
/// without I, O, Z, S and V, the last a check character modulo 31 (weights 3^(i-1) mod 31).
public struct CreditCode: Equatable, Hashable, Sendable, CustomStringConvertible {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public let value: String
    public var description: String { value }

    public static func parse(_ text: String, field: String = "统一社会信用代码") -> Result<CreditCode, FieldProblem> {
        let characters = Array(text.trimmingSpaces.uppercased())
        if characters.isEmpty { return .problem(field, "请填写统一社会信用代码") }
        guard characters.count == 18 else { return .problem(field, "应为 18 位，现在是 \(characters.count) 位") }
        if let bad = characters.first(where: { !alphabet.contains($0) }) {
            let hint = "IOZSV".contains(bad) ? "（代码中不使用字母 I、O、Z、S、V）" : ""
            return .problem(field, "含有不允许的字符「\(bad)」\(hint)，请核对")
        }
        let expected = checkCharacter(for: characters)
        guard characters[17] == expected else {
            return .problem(field, "校验位不正确（最后一位应为 \(expected)），请核对")
        }
        return .success(CreditCode(value: String(characters)))
    }

    /// `body` (17 characters of the alphabet) with its check character, or nil: for tools
    /// that make units, such as the benchmarks.
    public static func completing(_ body: String) -> String? {
        let characters = Array(body)
        guard characters.count == 17, characters.allSatisfy(alphabet.contains) else { return nil }
        return body + String(checkCharacter(for: characters))
    }

    /// The check character for the first 17 characters (all from the alphabet).
    static func checkCharacter(for characters: [Character]) -> Character {
        var sum = 0
        for index in 0..<17 {
            sum += alphabet.firstIndex(of: characters[index])! * weights[index]
        }
        return alphabet[(31 - sum % 31) % 31]
    }
}
