/// A centred dialog with buttons (二次确认, 确认退出？, messages). Left/Right or Tab move
/// between buttons, Enter chooses, Esc cancels. Buttons are drawn as 【确定】 in the
/// bureau's own style.
public struct ModalDialog: Equatable, Sendable {
    public var title: String
    public var message: String
    public var buttons: [String]
    public var selected: Int
    public var tone: Style

    public init(title: String, message: String, buttons: [String], selected: Int = 0, tone: Style = .title) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selected = selected
        self.tone = tone
    }

    public mutating func handle(_ key: Key) -> WidgetResponse {
        switch key {
        case .left, .backTab: selected = (selected + buttons.count - 1) % max(1, buttons.count)
        case .right, .tab: selected = (selected + 1) % max(1, buttons.count)
        case .enter: return .activated
        case .escape: return .cancelled
        default: return .handled
        }
        return .handled
    }

    public var buttonRow: String {
        buttons.enumerated().map { index, label in index == selected ? "【\(label)】" : " \(label) " }.joined(separator: "  ")
    }

    public func draw(on canvas: inout Canvas) {
        let maxInner = max(10, canvas.width - 8)
        let wrapped = TextLayout.wrap(message, to: maxInner)
        let widest = ([title, buttonRow] + wrapped).map { DisplayWidth.columns(of: $0) }.max() ?? 0
        let inner = min(maxInner, max(24, widest))
        let lines = TextLayout.wrap(message, to: inner)
        let rect = canvas.bounds.centred(width: inner + 4, height: lines.count + 5)
        canvas.box(rect, style: tone)
        canvas.writeCentred(title, row: rect.row + 1, in: rect, style: tone)
        for (offset, line) in lines.enumerated() {
            canvas.write(line, row: rect.row + 2 + offset, column: rect.column + 2, limit: inner)
        }
        let buttonsRow = rect.bottom - 2
        var column = rect.column + max(2, (rect.width - DisplayWidth.columns(of: buttonRow)) / 2)
        for (index, label) in buttons.enumerated() {
            let text = index == selected ? "【\(label)】" : " \(label) "
            canvas.write(text, row: buttonsRow, column: column, style: index == selected ? .focus : .normal)
            if index == selected { canvas.cursor = Point(row: buttonsRow, column: column + 2) }
            column += DisplayWidth.columns(of: text) + 2
        }
    }
}
