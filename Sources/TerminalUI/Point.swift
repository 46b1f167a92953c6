/// A position on the screen: row from the top, column from the left, both from zero.
public struct Point: Equatable, Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
