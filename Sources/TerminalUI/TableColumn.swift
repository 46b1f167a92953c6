/// A column of a `Table`: its heading and width in terminal columns.
public struct TableColumn: Equatable, Sendable {
    public var title: String
    public var width: Int

    public init(_ title: String, width: Int) {
        self.title = title
        self.width = width
    }
}
