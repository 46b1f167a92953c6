/// The captcha's digits, two shapes each, 4 columns by 5 rows; "#" marks ink.
enum CaptchaFont {
    static let glyphs: [Character: [[String]]] = [
        "0": [[" ## ", "#  #", "#  #", "#  #", " ## "], ["####", "#  #", "#  #", "#  #", "####"]],
        "1": [["  # ", " ## ", "  # ", "  # ", " ###"], [" #  ", "##  ", " #  ", " #  ", "### "]],
        "2": [[" ## ", "#  #", "  # ", " #  ", "####"], ["### ", "   #", " ## ", "#   ", "####"]],
        "3": [["### ", "   #", " ## ", "   #", "### "], ["####", "   #", " ###", "   #", "####"]],
        "4": [["#  #", "#  #", "####", "   #", "   #"], ["  # ", " ## ", "# # ", "####", "  # "]],
        "5": [["####", "#   ", "### ", "   #", "### "], ["####", "#   ", "####", "   #", "####"]],
        "6": [[" ## ", "#   ", "### ", "#  #", " ## "], ["####", "#   ", "####", "#  #", "####"]],
        "7": [["####", "   #", "  # ", " #  ", " #  "], ["####", "   #", "   #", "  # ", "  # "]],
        "8": [[" ## ", "#  #", " ## ", "#  #", " ## "], ["####", "#  #", "####", "#  #", "####"]],
        "9": [[" ## ", "#  #", " ###", "   #", " ## "], ["####", "#  #", "####", "   #", "####"]],
    ]

    /// Each shape with its blank edge columns trimmed, as a run of inked columns shows it.
    static let trimmed: [(shape: [[Bool]], digit: Character)] = glyphs.flatMap { digit, shapes in
        shapes.map { shape in (trim(shape.map { Array($0).map { $0 != " " } }), digit) }
    }

    static func digit(for rows: [[Bool]]) -> Character? {
        let shape = trim(rows)
        return trimmed.first { $0.shape == shape }?.digit
    }

    static func trim(_ rows: [[Bool]]) -> [[Bool]] {
        let width = rows.map(\.count).max() ?? 0
        let used = (0..<width).filter { column in rows.contains { column < $0.count && $0[column] } }
        guard let first = used.first, let last = used.last else { return [] }
        return rows.map { row in (first...last).map { $0 < row.count && row[$0] } }
    }
}
