extension Form {
    /// Draws the summary and the fields into `rect`, scrolling so the focused field shows,
    /// and an open select list over them. The real cursor goes to the focused field.
    public mutating func draw(on canvas: inout Canvas, in rect: Rect, layout given: FormLayout = .standard) {
        // Labels line up at the widest one, within a third of the width.
        var layout = given
        let widest = fields.map { DisplayWidth.columns(of: $0.label) }.max() ?? 0
        layout.labelWidth = min(max(given.labelWidth, widest), max(given.labelWidth, rect.width / 3))
        var top = rect.row
        if let summary {
            let lines = TextLayout.wrap(summary, to: rect.width - 1).prefix(2)
            for line in lines {
                canvas.write(line, row: top, column: rect.column, style: .error)
                top += 1
            }
            top += 1
        }
        let rowsAvailable = max(1, rect.bottom - top)
        // A field taller than the space (a long list of results) pages inside itself, so
        // it is drawn, with its focused row, rather than left out.
        let heights = fields.map { min($0.height, rowsAvailable) }
        let offsets = rowOffsets(heights: heights, layout: layout)
        let focusTop = offsets[focus]
        let focusBottom = focusTop + heights[focus]
        if focusTop < scroll { scroll = focusTop }
        if focusBottom > scroll + rowsAvailable { scroll = focusBottom - rowsAvailable }
        for index in fields.indices {
            let row = top + offsets[index] - scroll
            guard row >= top, row + heights[index] <= rect.bottom else { continue }
            drawField(index, on: &canvas, row: row, rect: rect, layout: layout, maxRows: heights[index])
        }
        if scroll > 0 { canvas.writeRight("(上面还有)", row: top, rightEdge: rect.right, style: .muted) }
        if let last = offsets.last, last + (heights.last ?? 0) - scroll > rowsAvailable {
            canvas.writeRight("(下面还有)", row: rect.bottom - 1, rightEdge: rect.right, style: .muted)
        }
        if let open = openSelect, case .select(var list, let chosen, let width) = fields[open].control {
            let box = Rect(row: rect.row + 1, column: rect.column + layout.labelWidth,
                           width: min(56, rect.width - layout.labelWidth), height: min(16, rect.height - 1))
            canvas.box(box, style: .accent)
            canvas.write(" 选择\(fields[open].label) ", row: box.row, column: box.column + 2, style: .accent)
            list.draw(on: &canvas, in: box.inset(by: 1))
            fields[open].control = .select(list, chosen: chosen, width: width)
        }
    }

    /// Rows from the first field to each field, with the layout's gap.
    private func rowOffsets(heights: [Int], layout: FormLayout) -> [Int] {
        var offsets: [Int] = []
        var row = 0
        for height in heights {
            offsets.append(row)
            row += height + layout.rowGap - 1
        }
        return offsets
    }

    private mutating func drawField(_ index: Int, on canvas: inout Canvas, row: Int, rect: Rect, layout: FormLayout,
                                    maxRows: Int) {
        let field = fields[index]
        let focused = index == focus && openSelect == nil
        if field.isRequired { canvas.write("*", row: row, column: rect.column, style: .error) }
        var column = rect.column + 2
        if !field.label.isEmpty {
            let labelStyle: Style = focused ? .accent : (layout.prominentHeadings ? Style(bold: true) : .normal)
            canvas.write(TextLayout.pad(field.label, to: layout.labelWidth), row: row, column: column, style: labelStyle)
            column += layout.labelWidth + 1
        }
        var used = 0
        switch field.control {
        case .text(var text, let width):
            let fitted = min(width, rect.right - column)
            text.draw(on: &canvas, row: row, column: column, width: fitted, focused: focused)
            fields[index].control = .text(text, width: width)
            used = fitted
        case .date(var date):
            date.draw(on: &canvas, row: row, column: column, focused: focused)
            fields[index].control = .date(date)
            used = DateField.width
        case .checkbox(let box):
            box.draw(on: &canvas, row: row, column: column, focused: focused)
            used = 4 + DisplayWidth.columns(of: box.label)
        case .radio(let group):
            let labelWidth = group.options.map { DisplayWidth.columns(of: $0.label) }.max() ?? 0
            group.draw(on: &canvas, row: row, column: column, labelWidth: labelWidth, focused: focused, maxRows: maxRows)
            used = rect.right - column
        case .select(let list, let chosen, let width):
            let label = chosen.flatMap { id in list.options.first { $0.id == id }?.label } ?? "请选择"
            let fitted = min(width, rect.right - column)
            canvas.write("[", row: row, column: column, style: .muted)
            canvas.write(TextLayout.pad(label, to: fitted - 2), row: row, column: column + 1,
                         style: focused ? .focus : (chosen == nil ? .muted : .input))
            canvas.write("]", row: row, column: column + fitted - 1, style: .muted)
            if focused { canvas.cursor = Point(row: row, column: column + 1) }
            used = fitted
        case .readOnly(let value, let note):
            canvas.write(value, row: row, column: column)
            let valueColumns = max(DisplayWidth.columns(of: value), 20)
            if !note.isEmpty { canvas.write(note, row: row, column: column + valueColumns + 2, style: .muted) }
            used = valueColumns + 2 + DisplayWidth.columns(of: note)
        case .button(let label):
            let text = "【\(label)】"
            canvas.write(text, row: row, column: column, style: focused ? .focus : .accent)
            if focused { canvas.cursor = Point(row: row, column: column + 2) }
            used = DisplayWidth.columns(of: text)
        case .note(let text, let style):
            // Never past the rows the form gave it (a note taller than the screen is cut to
            // them, rather than drawn over the key bar).
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(maxRows).enumerated() {
                canvas.write(String(line), row: row + offset, column: column, style: style, limit: rect.right - column)
            }
        }
        if let problem = field.problem {
            let problemColumn = column + used + 2
            let text = "! " + problem
            if problemColumn + DisplayWidth.columns(of: text) <= rect.right {
                canvas.write(text, row: row, column: problemColumn, style: .error)
            } else {
                canvas.write(TextLayout.truncate(text, to: max(0, rect.right - problemColumn)), row: row, column: problemColumn, style: .error)
            }
        }
    }
}
