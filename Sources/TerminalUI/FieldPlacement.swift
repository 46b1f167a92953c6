/// Where a field's parts go in a given width: the control's column and the lines of a
/// read-only value and of a problem, wrapped so that nothing is cut at the right edge.
/// A problem sits beside its control when it fits there, and on its own lines below
/// otherwise.
struct FieldPlacement: Equatable, Sendable {
    var controlColumn: Int
    var valueLines: [String]
    /// A note's lines, or a long read-only value's note on lines after the value.
    var noteLines: [String] = []
    var problemLines: [String]
    /// Where the problem's first line starts: beside the control or below it.
    var problemAt: Point
    var controlRows: Int

    var rows: Int { max(controlRows, problemAt.row + problemLines.count) }
}

extension Form {
    func placement(of index: Int, in rect: Rect, layout: FormLayout) -> FieldPlacement {
        let field = fields[index]
        let column = rect.column + 2 + (field.label.isEmpty ? 0 : layout.labelWidth + 1)
        let room = max(1, rect.right - column)
        var valueLines: [String] = []
        var noteLines: [String] = []
        var controlRows = field.height
        var used: Int
        switch field.control {
        case .text(_, let width), .select(_, _, let width): used = min(width, room)
        case .date: used = DateField.width
        case .checkbox(let box): used = 4 + DisplayWidth.columns(of: box.label)
        case .radio, .table: used = room
        case .note(let text, _):
            // Wrapped to the room there is, so a wider window gives a note longer lines.
            noteLines = TextLayout.wrap(text, to: room)
            controlRows = noteLines.count
            used = room
        case .button(let label): used = DisplayWidth.columns(of: label) + 4
        case .readOnly(let value, let note):
            let oneLine = max(DisplayWidth.columns(of: value), 20) + (note.isEmpty ? 0 : 2 + DisplayWidth.columns(of: note))
            if oneLine <= room {
                valueLines = [value]
                used = oneLine
            } else {
                // A long value (an address) wraps; its note goes on a line of its own.
                valueLines = TextLayout.wrap(value, to: room)
                noteLines = note.isEmpty ? [] : TextLayout.wrap(note, to: room)
                controlRows = valueLines.count + noteLines.count
                used = room
            }
        }
        guard let problem = field.problem else {
            return FieldPlacement(controlColumn: column, valueLines: valueLines, noteLines: noteLines, problemLines: [],
                                  problemAt: Point(row: 0, column: column), controlRows: controlRows)
        }
        let text = "! " + problem
        let besideColumn = column + used + 2
        if controlRows == 1, besideColumn + DisplayWidth.columns(of: text) <= rect.right {
            return FieldPlacement(controlColumn: column, valueLines: valueLines, noteLines: noteLines, problemLines: [text],
                                  problemAt: Point(row: 0, column: besideColumn), controlRows: controlRows)
        }
        // Its own lines below, the continuation under the message rather than under "!".
        let wrapped = TextLayout.wrap(problem, to: max(1, room - 2))
        let lines = wrapped.enumerated().map { ($0.offset == 0 ? "! " : "  ") + $0.element }
        return FieldPlacement(controlColumn: column, valueLines: valueLines, noteLines: noteLines, problemLines: lines,
                              problemAt: Point(row: controlRows, column: column), controlRows: controlRows)
    }
}
