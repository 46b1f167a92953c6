/// The top line: where you are on the left; who is logged in, the channel, the terminal
/// and the time on the right. When both do not fit, the place gives way to its short
/// form, then the details from the last; nothing is cut without a visible "...".
public struct StatusLine: Equatable, Sendable {
    public var place: String
    public var shortPlace: String
    public var details: [String]

    public init(place: String, shortPlace: String? = nil, details: [String]) {
        self.place = place
        self.shortPlace = shortPlace ?? place
        self.details = details.filter { !$0.isEmpty }
    }

    /// The place and the details that fit in `width` columns, with the 4 columns of margin.
    public func fitted(to width: Int) -> (place: String, details: String) {
        var details = self.details
        for candidate in [place, shortPlace] {
            let right = details.joined(separator: "  ")
            if DisplayWidth.columns(of: candidate) + DisplayWidth.columns(of: right) + 4 <= width { return (candidate, right) }
        }
        while details.count > 1 {
            details.removeLast()
            let right = details.joined(separator: "  ")
            if DisplayWidth.columns(of: shortPlace) + DisplayWidth.columns(of: right) + 4 <= width { return (shortPlace, right) }
        }
        let room = max(3, width - DisplayWidth.columns(of: shortPlace) - 4)
        let right = details.joined(separator: "  ")
        return (shortPlace, DisplayWidth.columns(of: right) <= room ? right : TextLayout.truncate(right, to: room - 3) + "...")
    }

    public func draw(on canvas: inout Canvas, row: Int = 0) {
        canvas.clear(Rect(row: row, column: 0, width: canvas.width, height: 1))
        let (left, right) = fitted(to: canvas.width)
        canvas.write(TextLayout.truncate(left, to: max(0, canvas.width - DisplayWidth.columns(of: right) - 4)),
                     row: row, column: 1, style: .title)
        canvas.writeRight(right, row: row, rightEdge: canvas.width, style: .normal)
    }
}
