import CardDomain
import TerminalUI

/// The 验证码 asked for after a failed login (D10): digits drawn on screen, new after
/// every failure. A person reads them at a glance; a program cannot look them up in one
/// table, since each digit takes one of two shapes, its own ink character, its own height
/// and spacing, with light dots scattered around it. ASCII only, so it reads the same in
/// a monochrome terminal and never changes width in a CJK one.
public struct Captcha: Equatable, Sendable {
    public let code: String
    /// Decides the shapes, inks, offsets, gaps and dots; the same seed draws the same picture.
    public let seed: UInt64

    public init(code: String, seed: UInt64 = 0) {
        self.code = code
        self.seed = seed
    }

    /// A new code of `length` digits, and a new way of drawing it, from `generator`.
    public static func random(length: Int, using generator: inout some RandomNumberGenerator) -> Captcha {
        Captcha(code: String((0..<length).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) }),
                seed: generator.next())
    }

    /// The digits as words, for the accessible mode: a screen reader speaks them, where a
    /// drawing would lock its user out after one typo. "二 零 二 六".
    public var spoken: String {
        let words: [Character: String] = ["0": "零", "1": "一", "2": "二", "3": "三", "4": "四",
                                          "5": "五", "6": "六", "7": "七", "8": "八", "9": "九"]
        return code.map { words[$0] ?? String($0) }.joined(separator: " ")
    }

    /// The drawing and the field to type it in, as every form that asks for it shows them.
    var formFields: [FormField] {
        [FormField(id: "captchaImage", label: "图形验证码", control: .note(drawing.joined(separator: "\n"), style: .accent)),
         FormField(id: "captcha", label: "验证码", isRequired: true,
                   control: .text(TextField("", maxLength: 8, filter: .digits), width: 12))]
    }

    static let inks: [Character] = ["#", "@", "%", "&", "$"]
    static let dots: [Character] = [".", ",", "'", "`"]
    static let rows = 6

    /// The code as six lines: each glyph 5 rows high, set one row lower or not.
    public var drawing: [String] {
        var random = SplitMix(seed: seed ^ 0x5DEE_CE66_D1CE_4E5B)
        var canvas: [[Character]] = Array(repeating: [], count: Self.rows)
        for (index, digit) in code.enumerated() {
            let shapes = CaptchaFont.glyphs[digit] ?? [["????"]]
            let shape = shapes[Int(random.next() % UInt64(shapes.count))]
            let ink = Self.inks[Int(random.next() % UInt64(Self.inks.count))]
            let drop = Int(random.next() % 2)
            let gap = index == 0 ? 1 : 2 + Int(random.next() % 2)
            for row in 0..<Self.rows {
                canvas[row] += Array(repeating: " ", count: gap)
                let line = row - drop
                let glyph = line >= 0 && line < shape.count ? Array(shape[line]) : Array(repeating: " ", count: 4)
                canvas[row] += glyph.map { $0 == " " ? " " : ink }
            }
        }
        scatterDots(on: &canvas, using: &random)
        return canvas.map { String($0) }
    }

    /// A few dots on blank cells that touch no ink, so no shape is changed.
    private func scatterDots(on canvas: inout [[Character]], using random: inout SplitMix) {
        let width = canvas.first?.count ?? 0
        guard width > 0 else { return }
        for _ in 0..<(3 + Int(random.next() % 4)) {
            let row = Int(random.next() % UInt64(Self.rows))
            let column = Int(random.next() % UInt64(width))
            let touchesInk = (max(0, row - 1)...min(Self.rows - 1, row + 1)).contains { r in
                (max(0, column - 1)...min(width - 1, column + 1)).contains { canvas[r][$0] != " " }
            }
            if !touchesInk { canvas[row][column] = Self.dots[Int(random.next() % UInt64(Self.dots.count))] }
        }
    }

    /// Reads a drawing back into digits, as a person does by eye: any ink is ink, dots
    /// are nothing, and each run of inked columns is one glyph. The end-to-end tests read
    /// the captured screen with it.
    public static func read(_ lines: [String]) -> String? {
        let grid = lines.map { Array($0).map { inks.contains($0) } }
        let width = grid.map(\.count).max() ?? 0
        func inked(_ column: Int) -> Bool { grid.contains { column < $0.count && $0[column] } }
        var digits = ""
        var column = 0
        while column < width {
            guard inked(column) else { column += 1; continue }
            var end = column
            while end < width, inked(end) { end += 1 }
            let rows = grid.map { row in (column..<end).map { $0 < row.count && row[$0] } }
            let used = rows.filter { $0.contains(true) }
            guard let digit = CaptchaFont.digit(for: used) else { return nil }
            digits.append(digit)
            column = end
        }
        return digits.isEmpty ? nil : digits
    }
}
