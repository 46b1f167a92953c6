extension Form {
    /// Draws one field at `row` where `placement` put its parts, in at most `maxRows` rows.
    mutating func drawField(_ index: Int, on canvas: inout Canvas, row: Int, rect: Rect, placement: FieldPlacement,
                            maxRows: Int, layout: FormLayout) {
        let field = fields[index]
        let focused = index == focus && openSelect == nil
        if field.isRequired { canvas.write("*", row: row, column: rect.column, style: .error) }
        if !field.label.isEmpty {
            let labelStyle: Style = focused ? .accent : (layout.prominentHeadings ? Style(bold: true) : .normal)
            canvas.write(TextLayout.pad(field.label, to: layout.labelWidth), row: row, column: rect.column + 2,
                         style: labelStyle)
        }
        let column = placement.controlColumn
        switch field.control {
        case .text(let text, let width):
            text.draw(on: &canvas, row: row, column: column, width: min(width, rect.right - column), focused: focused)
        case .date(let date):
            date.draw(on: &canvas, row: row, column: column, focused: focused)
        case .checkbox(let box):
            box.draw(on: &canvas, row: row, column: column, focused: focused)
        case .radio(let group):
            let labelWidth = group.options.map { DisplayWidth.columns(of: $0.label) }.max() ?? 0
            group.draw(on: &canvas, row: row, column: column, labelWidth: labelWidth, focused: focused,
                       maxRows: maxRows - (placement.rows - placement.controlRows))
        case .select(_, let chosen, let width):
            let shown = field.shownValue
            let label = shown.isEmpty ? "请选择" : shown
            let fitted = min(width, rect.right - column)
            canvas.write("[", row: row, column: column, style: .muted)
            canvas.write(TextLayout.pad(label, to: fitted - 2), row: row, column: column + 1,
                         style: focused ? .focus : (chosen == nil ? .muted : .input))
            canvas.write("]", row: row, column: column + fitted - 1, style: .muted)
            if focused { canvas.cursor = Point(row: row, column: column + 1) }
        case .readOnly(let value, let note):
            if placement.controlRows == 1 {
                canvas.write(value, row: row, column: column)
                let valueColumns = max(DisplayWidth.columns(of: value), 20)
                if !note.isEmpty { canvas.write(note, row: row, column: column + valueColumns + 2, style: .muted) }
            } else {
                let lines = placement.valueLines.map { ($0, Style.normal) } + placement.noteLines.map { ($0, Style.muted) }
                for (offset, (line, style)) in lines.prefix(maxRows).enumerated() {
                    canvas.write(line, row: row + offset, column: column, style: style)
                }
            }
        case .table(let table):
            table.draw(on: &canvas, in: Rect(row: row, column: column, width: rect.right - column, height: maxRows), focused: focused)
        case .button(let label):
            canvas.write("【\(label)】", row: row, column: column, style: focused ? .focus : .accent)
            if focused { canvas.cursor = Point(row: row, column: column + 2) }
        case .note(_, let style):
            // Never past the rows the form gave it (a note taller than the screen is cut to
            // them, rather than drawn over the key bar).
            for (offset, line) in placement.noteLines.prefix(maxRows).enumerated() {
                canvas.write(line, row: row + offset, column: column, style: style, limit: rect.right - column)
            }
        }
        for (offset, line) in placement.problemLines.enumerated() where placement.problemAt.row + offset < maxRows {
            canvas.write(line, row: row + placement.problemAt.row + offset,
                         column: placement.problemAt.column, style: .error)
        }
    }
}
