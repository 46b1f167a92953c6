/// Rows with a cursor, multiple selection and pages, for a unit's employee list or the
/// back office's queue. Space selects the row, A selects or clears all, PgUp/PgDn page.
/// As a form's control, Enter on a row presses it (the form reports the row's id).
public struct Table: Equatable, Sendable {
    public var columns: [TableColumn]
    public var rows: [[String]]
    /// Each row's id (an application, a person), for the form's value.
    public var rowIDs: [String]
    public private(set) var cursor = 0
    public private(set) var selection: Set<Int> = []
    public var pageSize: Int
    public var isSelectable: Bool
    /// What the rows count, for "已选 2 人 / 共 3 人".
    public var unit: String

    public init(columns: [TableColumn], rows: [[String]], rowIDs: [String] = [], pageSize: Int = 10,
                isSelectable: Bool = true, unit: String = "项") {
        self.columns = columns
        self.rows = rows
        self.rowIDs = rowIDs
        self.pageSize = max(1, pageSize)
        self.isSelectable = isSelectable
        self.unit = unit
    }

    /// The id of the row under the cursor.
    public var currentID: String? { rowIDs.indices.contains(cursor) ? rowIDs[cursor] : nil }

    /// Ticks exactly these rows (a screen that decides what may be ticked sets them).
    public mutating func select(_ rows: Set<Int>) { selection = rows.filter(self.rows.indices.contains) }

    /// Puts the cursor on a row, kept within the rows.
    public mutating func moveCursor(to row: Int) { cursor = min(max(0, row), max(0, rows.count - 1)) }

    public var page: Int { cursor / pageSize }
    public var pageCount: Int { max(1, (rows.count + pageSize - 1) / pageSize) }

    public mutating func handle(_ key: Key) -> WidgetResponse {
        guard !rows.isEmpty else { return key == .escape ? .cancelled : .ignored }
        switch key {
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(rows.count - 1, cursor + 1)
        case .pageDown: cursor = min(rows.count - 1, (page + 1) * pageSize)
        case .pageUp: cursor = max(0, (page - 1) * pageSize)
        case .home: cursor = 0
        case .end: cursor = rows.count - 1
        case .character(" ") where isSelectable:
            if selection.remove(cursor) == nil { selection.insert(cursor) }
        case .character("a"), .character("A"):
            guard isSelectable else { return .ignored }
            selection = selection.count == rows.count ? [] : Set(rows.indices)
        case .enter: return .activated
        case .escape: return .cancelled
        default: return .ignored
        }
        return .handled
    }

    /// Draws the heading, the current page, and "已选 2 人 / 共 3 人" and "第 1 / 3 页".
    public func draw(on canvas: inout Canvas, in rect: Rect, focused: Bool) {
        let marker = isSelectable ? 5 : 2
        var column = rect.column + marker
        for item in columns {
            canvas.write(item.title, row: rect.row, column: column, style: .title, limit: item.width)
            column += item.width + 1
        }
        if isSelectable { canvas.write("选", row: rect.row, column: rect.column + 1, style: .title) }
        // The page follows the cursor within the rows that fit, so the cursor is never off-screen.
        let visible = max(1, min(pageSize, rect.height - 2))
        let start = (cursor / visible) * visible
        for (offset, values) in rows.dropFirst(start).prefix(visible).enumerated() {
            let index = start + offset
            let y = rect.row + 1 + offset
            guard y < rect.bottom - 1 else { break }
            let isCursor = index == cursor
            if isSelectable {
                canvas.write(selection.contains(index) ? "[x]" : "[ ]", row: y, column: rect.column, style: .input)
            } else {
                canvas.write(isCursor ? ">" : " ", row: y, column: rect.column, style: .accent)
            }
            let line = zip(columns, values).map { TextLayout.pad($1, to: $0.width) }.joined(separator: " ")
            canvas.write(line, row: y, column: rect.column + marker, style: isCursor && focused ? .focus : .normal,
                         limit: rect.width - marker)
            if isCursor && focused { canvas.cursor = Point(row: y, column: rect.column + (isSelectable ? 1 : 0)) }
        }
        if rows.isEmpty { canvas.write("（没有记录）", row: rect.row + 1, column: rect.column + marker, style: .muted) }
        let summary = (isSelectable ? "已选 \(selection.count) \(unit) / " : "") + "共 \(rows.count) \(unit)"
        canvas.write(summary, row: rect.bottom - 1, column: rect.column, style: .muted)
        let pages = max(1, (rows.count + visible - 1) / visible)
        canvas.writeRight("第 \(start / visible + 1) / \(pages) 页", row: rect.bottom - 1, rightEdge: rect.right, style: .muted)
    }
}
