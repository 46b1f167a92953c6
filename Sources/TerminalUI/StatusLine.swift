/// The top line: where you are on the left; who is logged in, the channel, the terminal
/// and the time on the right. The left side gives way when both do not fit.
public struct StatusLine: Equatable, Sendable {
    public var place: String
    public var details: [String]

    public init(place: String, details: [String]) {
        self.place = place
        self.details = details.filter { !$0.isEmpty }
    }

    public func draw(on canvas: inout Canvas, row: Int = 0) {
        canvas.clear(Rect(row: row, column: 0, width: canvas.width, height: 1))
        let right = details.joined(separator: "  ")
        let rightColumns = DisplayWidth.columns(of: right)
        canvas.write(place, row: row, column: 1, style: .title, limit: max(0, canvas.width - rightColumns - 4))
        canvas.writeRight(right, row: row, rightEdge: canvas.width, style: .normal)
    }
}
