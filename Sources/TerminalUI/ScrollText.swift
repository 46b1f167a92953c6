/// Multi-line text that scrolls (免责声明, 承诺书): wrapped to the width it is drawn in,
/// moved with the arrows, PgUp/PgDn, Home and End.
public struct ScrollText: Equatable, Sendable {
    public var text: String
    public private(set) var top = 0
    private var lineCount = 0
    private var pageSize = 1

    public init(_ text: String) {
        self.text = text
    }

    /// Whether the last line has been on screen.
    public var isAtEnd: Bool { top + pageSize >= lineCount }

    public mutating func handle(_ key: Key) -> WidgetResponse {
        let last = max(0, lineCount - pageSize)
        switch key {
        case .up: top = max(0, top - 1)
        case .down: top = min(last, top + 1)
        case .pageUp: top = max(0, top - pageSize)
        case .pageDown, .character(" "): top = min(last, top + pageSize)
        case .home: top = 0
        case .end: top = last
        default: return .ignored
        }
        return .handled
    }

    public mutating func draw(on canvas: inout Canvas, in rect: Rect, rowGap: Int = 1) {
        let lines = TextLayout.wrap(text, to: rect.width - 1)
        lineCount = lines.count
        pageSize = max(1, (rect.height - 1) / max(1, rowGap))
        top = min(top, max(0, lineCount - pageSize))
        for (offset, line) in lines.dropFirst(top).prefix(pageSize).enumerated() {
            canvas.write(line, row: rect.row + offset * rowGap, column: rect.column, limit: rect.width - 1)
        }
        let position = lineCount <= pageSize ? "全文 \(lineCount) 行"
            : "第 \(top + 1)-\(min(lineCount, top + pageSize)) 行 / 共 \(lineCount) 行" + (isAtEnd ? "" : "  PgDn 往下看")
        canvas.writeRight(position, row: rect.bottom - 1, rightEdge: rect.right, style: .muted)
    }
}
