/// The whole screen as cells, in memory. Screens draw into it; the backend copies only the
/// runs that differ from the previous frame; snapshot tests read it back as plain text.
public struct CellGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    public func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < height && column >= 0 && column < width
    }

    /// Sets one cell, and repairs a wide character it cuts in half on either side, so the
    /// grid never holds half a character.
    public mutating func set(_ cell: Cell, row: Int, column: Int) {
        guard contains(row: row, column: column) else { return }
        let index = row * width + column
        if cells[index].isContinuation, column > 0 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
        if cells[index].width == 2, column + 1 < width { cells[index + 1] = Cell(" ", style: cells[index + 1].style) }
        cells[index] = cell
    }

    /// Rows as text, wide characters once, trailing spaces trimmed: the snapshot format.
    public var text: String {
        (0..<height).map { line(at: $0) }.joined(separator: "\n")
    }

    public func line(at row: Int) -> String {
        var line = ""
        for column in 0..<width where !self[row, column].isContinuation {
            line.append(self[row, column].character)
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The runs of cells that differ from `previous`, row by row. Runs never start on the
    /// right half of a wide character, and close runs are joined, since one cursor move
    /// costs more than re-sending a few unchanged cells.
    public func changes(since previous: CellGrid?) -> [CellRun] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { CellRun(row: $0, column: 0, cells: Array(cells[($0 * width)..<(($0 + 1) * width)])) }
        }
        var runs: [CellRun] = []
        for row in 0..<height {
            let base = row * width
            var column = 0
            var runStart: Int? = nil
            var lastChanged = -1
            while column < width {
                if cells[base + column] != previous.cells[base + column] {
                    if runStart == nil {
                        var start = column
                        while start > 0, cells[base + start].isContinuation { start -= 1 }
                        runStart = start
                    }
                    lastChanged = column
                } else if let start = runStart, column - lastChanged > 3 {
                    runs.append(run(row: row, from: start, through: lastChanged))
                    runStart = nil
                }
                column += 1
            }
            if let start = runStart { runs.append(run(row: row, from: start, through: lastChanged)) }
        }
        return runs
    }

    private func run(row: Int, from start: Int, through end: Int) -> CellRun {
        var last = end
        // A run that ends on the left half of a wide character takes its right half too.
        if self[row, last].width == 2, last + 1 < width { last += 1 }
        return CellRun(row: row, column: start, cells: Array(cells[(row * width + start)...(row * width + last)]))
    }
}

/// Cells to send to the terminal at one position.
public struct CellRun: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var cells: [Cell]
}
