/// The bottom line: the keys that work on this screen, and a short note on the right
/// ("草稿已保存 14:06"). When they do not all fit, F1 help goes first (it works everywhere
/// and the help says so), then the note, then hints before the last: the last is the way
/// out, F10, which must always show. Nothing is cut.
public struct FunctionKeyBar: Equatable, Sendable {
    public var hints: [KeyHint]
    public var note: String

    public init(hints: [KeyHint], note: String = "") {
        self.hints = hints
        self.note = note
    }

    static func columns(of hint: KeyHint) -> Int {
        DisplayWidth.columns(of: hint.keys) + 1 + DisplayWidth.columns(of: hint.action)
    }

    public func draw(on canvas: inout Canvas, row: Int) {
        canvas.clear(Rect(row: row, column: 0, width: canvas.width, height: 1))
        var shown = hints
        func width(_ hints: [KeyHint]) -> Int { hints.reduce(0) { $0 + Self.columns(of: $1) + 2 } - 1 }
        var noteColumns = DisplayWidth.columns(of: note)
        if noteColumns > 0, 1 + width(shown) > canvas.width - 1 - noteColumns - 2 {
            shown.removeAll { $0.keys == "F1" }
        }
        if noteColumns > 0, 1 + width(shown) > canvas.width - 1 - noteColumns - 2 { noteColumns = 0 }
        let available = canvas.width - 1 - (noteColumns > 0 ? noteColumns + 2 : 0)
        while shown.count > 1, 1 + width(shown) > available { shown.remove(at: shown.count - 2) }
        var column = 1
        for hint in shown {
            let columns = Self.columns(of: hint)
            if column + columns > available { break }
            canvas.write(hint.keys, row: row, column: column, style: .accent)
            canvas.write(hint.action, row: row, column: column + DisplayWidth.columns(of: hint.keys) + 1)
            column += columns + 2
        }
        if noteColumns > 0 { canvas.writeRight(note, row: row, rightEdge: canvas.width - 1, style: .success) }
    }
}
