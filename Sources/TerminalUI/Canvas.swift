/// Drawing onto a `CellGrid`: text measured in terminal columns, clipped to a width, and
/// never splitting a wide character at an edge. Also holds where the real terminal cursor
/// should sit (the caret of the focused field), so an input method's candidate box opens
/// in the right place.
public struct Canvas: Sendable {
    public var grid: CellGrid
    public var cursor: Point?
    /// Every text that did not fit where it was written, in full. A screen that cuts a
    /// message silently hides what the user needs, so tests require this to stay empty.
    public private(set) var clipped: [String] = []

    public init(width: Int, height: Int) {
        grid = CellGrid(width: width, height: height)
    }

    public var width: Int { grid.width }
    public var height: Int { grid.height }
    public var bounds: Rect { Rect(row: 0, column: 0, width: width, height: height) }

    /// Writes `text` from (row, column), at most `limit` columns (default: to the right
    /// edge). A wide character that would not fit is replaced by a space. Returns the
    /// columns written.
    @discardableResult
    public mutating func write(_ text: String, row: Int, column: Int, style: Style = .normal, limit: Int? = nil) -> Int {
        guard row >= 0, row < height else { return 0 }
        let end = min(width, column + (limit ?? width))
        var x = column
        for character in text {
            if character == "\n" { break }
            let columns = DisplayWidth.columns(of: character)
            if columns == 0 { continue }
            if x + columns > end {
                clipped.append(text)
                if x < end { grid.set(Cell(" ", style: style), row: row, column: x); x += 1 }
                break
            }
            if x >= 0 {
                grid.set(Cell(character, width: UInt8(columns), style: style), row: row, column: x)
                if columns == 2 { grid.set(Cell(" ", width: 0, style: style), row: row, column: x + 1) }
            }
            x += columns
        }
        return x - column
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func clear(_ rect: Rect, style: Style = .normal) {
        for row in rect.row..<rect.bottom {
            for column in rect.column..<rect.right {
                grid.set(Cell(" ", style: style), row: row, column: column)
            }
        }
    }

    /// An ASCII rule across a row: "-" is narrow on every terminal, unlike box drawing.
    public mutating func rule(row: Int, from column: Int = 0, width: Int? = nil, style: Style = .muted) {
        write(String(repeating: "-", count: width ?? (self.width - column)), row: row, column: column, style: style)
    }

    /// An ASCII box (+, -, |) with a cleared inside.
    public mutating func box(_ rect: Rect, style: Style = .normal) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        clear(rect)
        let horizontal = "+" + String(repeating: "-", count: rect.width - 2) + "+"
        write(horizontal, row: rect.row, column: rect.column, style: style)
        write(horizontal, row: rect.bottom - 1, column: rect.column, style: style)
        for row in (rect.row + 1)..<(rect.bottom - 1) {
            write("|", row: row, column: rect.column, style: style)
            write("|", row: row, column: rect.right - 1, style: style)
        }
    }

    /// Text right-aligned so it ends at `rightEdge` (exclusive).
    public mutating func writeRight(_ text: String, row: Int, rightEdge: Int, style: Style = .normal) {
        let columns = DisplayWidth.columns(of: text)
        write(text, row: row, column: max(0, rightEdge - columns), style: style)
    }

    /// Text centred in a row of a rectangle.
    public mutating func writeCentred(_ text: String, row: Int, in rect: Rect, style: Style = .normal) {
        let columns = DisplayWidth.columns(of: text)
        write(text, row: row, column: rect.column + max(0, (rect.width - columns) / 2), style: style, limit: rect.width)
    }
}
