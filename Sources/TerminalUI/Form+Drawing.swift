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
            // The whole summary, however many lines: every problem named is one to fix.
            let lines = TextLayout.wrap(summary, to: rect.width - 1)
            for line in lines.prefix(max(1, rect.height / 2)) {
                canvas.write(line, row: top, column: rect.column, style: .error)
                top += 1
            }
            top += 1
        }
        let rowsAvailable = max(1, rect.bottom - top)
        // A field taller than the space (a long list of results) pages inside itself, so
        // it is drawn, with its focused row, rather than left out.
        let placements = fields.indices.map { placement(of: $0, in: rect, layout: layout) }
        let heights = placements.map { min($0.rows, rowsAvailable) }
        let offsets = rowOffsets(heights: heights, layout: layout)
        let focusTop = offsets[focus]
        let focusBottom = focusTop + heights[focus]
        if focusTop < scroll { scroll = focusTop }
        if focusBottom > scroll + rowsAvailable { scroll = focusBottom - rowsAvailable }
        for index in fields.indices {
            let row = top + offsets[index] - scroll
            guard row >= top, row + heights[index] <= rect.bottom else { continue }
            drawField(index, on: &canvas, row: row, rect: rect, placement: placements[index], maxRows: heights[index],
                      layout: layout)
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
}
