import TerminalUI

/// A QR symbol as terminal cells. Dark modules are the `.scanCode` tone's ink, which the
/// backend draws black on white, or in reverse video on a monochrome terminal (vt100), so
/// the symbol is dark on light either way, as scanners expect.
public struct ScanCodePicture: Equatable, Sendable {
    public struct Run: Equatable, Sendable {
        public let text: String
        public let style: Style
    }

    public let drawing: ScanCodeDrawing
    public let rows: [[Run]]
    public let width: Int

    public var height: Int { rows.count }

    /// Light modules: the tone's background. Dark modules in reverse video: its ink as background.
    static let light = Style(tone: .scanCode)
    static let dark = Style(tone: .scanCode, reverse: true)

    /// The symbol drawn as `drawing`, with a quiet zone of four modules for half-blocks
    /// (the standard's) and two for reverse video, where every module row costs a line.
    init(_ matrix: QRMatrix, drawing: ScanCodeDrawing) {
        self.drawing = drawing
        switch drawing {
        case .halfBlocks:
            let quiet = 4
            let span = matrix.size + 2 * quiet
            rows = stride(from: 0, to: span, by: 2).map { top in
                let line = (0..<span).map { column -> Character in
                    let upper = matrix.isDark(row: top - quiet, column: column - quiet)
                    let lower = top + 1 < span && matrix.isDark(row: top + 1 - quiet, column: column - quiet)
                    switch (upper, lower) {
                    case (true, true): return "█"
                    case (true, false): return "▀"
                    case (false, true): return "▄"
                    case (false, false): return " "
                    }
                }
                return [Run(text: String(line), style: Self.light)]
            }
            width = span
        case .reverseVideo:
            let quiet = 2
            let span = matrix.size + 2 * quiet
            rows = (0..<span).map { row in
                // Neighbouring modules of one colour share a run.
                var runs: [Run] = []
                var column = 0
                while column < span {
                    let isDark = matrix.isDark(row: row - quiet, column: column - quiet)
                    var end = column + 1
                    while end < span, matrix.isDark(row: row - quiet, column: end - quiet) == isDark { end += 1 }
                    runs.append(Run(text: String(repeating: " ", count: 2 * (end - column)), style: isDark ? Self.dark : Self.light))
                    column = end
                }
                return runs
            }
            width = 2 * span
        case .textOnly:
            rows = []
            width = 0
        }
    }

    /// The best picture `preferred` allows that fits `space` beside a form `formWidth` wide;
    /// nil when none does (then the text code alone is shown).
    static func fitting(_ matrix: QRMatrix, preferred: ScanCodeDrawing, in space: Rect, formWidth: Int) -> ScanCodePicture? {
        for drawing in preferred.candidates {
            let picture = ScanCodePicture(matrix, drawing: drawing)
            if picture.height <= space.height, picture.width + 2 + formWidth <= space.width { return picture }
        }
        return nil
    }

    func draw(on canvas: inout Canvas, row: Int, column: Int) {
        for (offset, runs) in rows.enumerated() {
            var at = column
            for run in runs {
                at += canvas.write(run.text, row: row + offset, column: at, style: run.style)
            }
        }
    }
}
