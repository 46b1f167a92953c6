/// The bottom line: the keys that work on this screen, and a short note on the right
/// ("草稿已保存 14:06"). Hints that do not fit are dropped from the end, never cut.
public struct FunctionKeyBar: Equatable, Sendable {
    public var hints: [KeyHint]
    public var note: String

    public init(hints: [KeyHint], note: String = "") {
        self.hints = hints
        self.note = note
    }

    public func draw(on canvas: inout Canvas, row: Int) {
        canvas.clear(Rect(row: row, column: 0, width: canvas.width, height: 1))
        let noteColumns = DisplayWidth.columns(of: note)
        let available = canvas.width - 1 - (noteColumns > 0 ? noteColumns + 2 : 0)
        var column = 1
        for hint in hints {
            let columns = DisplayWidth.columns(of: hint.keys) + 1 + DisplayWidth.columns(of: hint.action)
            if column + columns > available { break }
            canvas.write(hint.keys, row: row, column: column, style: .accent)
            canvas.write(hint.action, row: row, column: column + DisplayWidth.columns(of: hint.keys) + 1)
            column += columns + 2
        }
        if noteColumns > 0 { canvas.writeRight(note, row: row, rightEdge: canvas.width - 1, style: .success) }
    }
}
