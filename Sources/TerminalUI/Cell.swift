/// One terminal column. A wide character occupies its own cell (width 2) and the cell to
/// its right, which is a continuation (width 0) that the backend never draws.
public struct Cell: Equatable, Sendable {
    public var character: Character
    /// Columns the character takes: 1 or 2, or 0 for the right half of a wide character.
    public var width: UInt8
    public var style: Style

    public init(_ character: Character, width: UInt8 = 1, style: Style = .normal) {
        self.character = character
        self.width = width
        self.style = style
    }

    public static let blank = Cell(" ")

    public var isContinuation: Bool { width == 0 }
}
