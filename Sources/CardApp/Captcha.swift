/// The 验证码 asked for after a failed login from this terminal (D10): digits drawn on
/// screen in a 5-row block font, new after every failure. Drawn with "#" so it stays
/// ASCII and reads the same in a monochrome terminal.
public struct Captcha: Equatable, Sendable {
    public let code: String

    public init(code: String) {
        self.code = code
    }

    /// A new code of `length` digits from `generator`.
    public static func random(length: Int, using generator: inout some RandomNumberGenerator) -> Captcha {
        Captcha(code: String((0..<length).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) }))
    }

    /// Glyphs 3 columns wide and 5 rows high, digit by digit.
    public static let font: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"], "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"], "3": ["###", "  #", " ##", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"], "7": ["###", "  #", " # ", " # ", " # "],
        "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "###"],
    ]

    /// The code as five lines of block digits, two spaces apart.
    public var drawing: [String] {
        (0..<5).map { row in code.map { Captcha.font[$0]?[row] ?? "   " }.joined(separator: "  ") }
    }

    /// Reads a drawing back into digits: what a person does by eye, and what the
    /// end-to-end tests do with the captured screen.
    public static func read(_ lines: [String]) -> String? {
        guard lines.count == 5 else { return nil }
        let rows = lines.map(Array.init)
        var digits = ""
        var column = 0
        while column + 3 <= (rows.map(\.count).max() ?? 0) {
            let glyph = rows.map { row in String((column..<(column + 3)).map { $0 < row.count ? row[$0] : " " }) }
            guard let digit = font.first(where: { $0.value == glyph })?.key else { return nil }
            digits.append(digit)
            column += 5
        }
        return digits.isEmpty ? nil : digits
    }
}
