/// A list to choose from with type-to-filter: typing narrows the list (the 56 民族, the
/// bank branches), Backspace widens it, Enter chooses the highlighted item.
public struct SelectList: Equatable, Sendable {
    public let options: [ChoiceOption]
    public private(set) var filter = ""
    public private(set) var highlighted = 0
    private var top = 0

    public init(_ options: [ChoiceOption], selectedID: String? = nil) {
        self.options = options
        if let selectedID, let index = options.firstIndex(where: { $0.id == selectedID }) { highlighted = index }
    }

    /// Options whose label, detail or id contains the filter text.
    public var visible: [ChoiceOption] {
        guard !filter.isEmpty else { return options }
        return options.filter { $0.label.contains(filter) || $0.id.hasPrefix(filter) || $0.detail.contains(filter) }
    }

    public var highlightedOption: ChoiceOption? {
        let shown = visible
        return shown.indices.contains(highlighted) ? shown[highlighted] : nil
    }

    public mutating func handle(_ key: Key, pageSize: Int = 10) -> WidgetResponse {
        let count = visible.count
        switch key {
        case .up: highlighted = max(0, highlighted - 1)
        case .down: highlighted = min(max(0, count - 1), highlighted + 1)
        case .pageUp: highlighted = max(0, highlighted - pageSize)
        case .pageDown: highlighted = min(max(0, count - 1), highlighted + pageSize)
        case .home: highlighted = 0
        case .end: highlighted = max(0, count - 1)
        case .enter: return highlightedOption == nil ? .handled : .activated
        case .escape: return .cancelled
        case .backspace:
            guard !filter.isEmpty else { return .handled }
            filter.removeLast()
            highlighted = 0
        case .character(let character) where !character.isNewline:
            filter.append(character)
            highlighted = 0
        default:
            return .ignored
        }
        return .handled
    }

    /// Draws the filter line and as many options as fit in `rect`.
    public mutating func draw(on canvas: inout Canvas, in rect: Rect) {
        let shown = visible
        canvas.write("筛选: ", row: rect.row, column: rect.column, style: .muted)
        canvas.write("[" + TextLayout.pad(filter, to: 16) + "]", row: rect.row, column: rect.column + 6, style: .input)
        canvas.cursor = Point(row: rect.row, column: rect.column + 7 + DisplayWidth.columns(of: filter))
        canvas.writeRight("\(shown.isEmpty ? 0 : highlighted + 1) / \(shown.count)", row: rect.row, rightEdge: rect.right, style: .muted)
        let rows = max(1, rect.height - 1)
        if highlighted < top { top = highlighted }
        if highlighted >= top + rows { top = highlighted - rows + 1 }
        top = min(top, max(0, shown.count - rows))
        if shown.isEmpty {
            canvas.write("没有符合「\(filter)」的选项，按 Backspace 修改", row: rect.row + 1, column: rect.column + 2, style: .warning)
        }
        let labelColumns = shown.map { DisplayWidth.columns(of: $0.label) }.max() ?? 0
        for (offset, option) in shown.dropFirst(top).prefix(rows).enumerated() {
            let index = top + offset
            let y = rect.row + 1 + offset
            let isHighlighted = index == highlighted
            canvas.write(isHighlighted ? ">" : " ", row: y, column: rect.column, style: .accent)
            canvas.write(Self.row(option, labelColumns: labelColumns, width: rect.width - 2), row: y, column: rect.column + 2,
                         style: isHighlighted ? .focus : .normal)
        }
    }

    /// One option as a row of exactly `width` columns: its whole label, then its detail in a
    /// column after the widest label. Where the row is too narrow the detail gives way
    /// first; what is still cut ends in ">", so no item is shortened silently.
    static func row(_ option: ChoiceOption, labelColumns: Int, width: Int) -> String {
        let text = option.detail.isEmpty ? option.label
            : TextLayout.pad(option.label, to: max(labelColumns, DisplayWidth.columns(of: option.label))) + "  " + option.detail
        guard DisplayWidth.columns(of: text) > width else { return TextLayout.pad(text, to: width) }
        let kept = TextLayout.truncate(text, to: max(0, width - 1))
        return TextLayout.pad(kept + ">", to: width)
    }
}
