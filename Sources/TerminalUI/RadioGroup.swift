/// "(*) 法人登录" options, one per row. Up and Down move the choice; at either end the key
/// is left to the form, so arrows also move between fields.
public struct RadioGroup: Equatable, Sendable {
    public var options: [ChoiceOption]
    public var selected: Int
    /// Draw as a "> " list (a menu) rather than "( )" buttons.
    public var asMenu: Bool

    public init(_ options: [ChoiceOption], selected: Int = 0, asMenu: Bool = false) {
        self.options = options
        self.selected = min(max(0, selected), max(0, options.count - 1))
        self.asMenu = asMenu
    }

    public var selectedOption: ChoiceOption? { options.indices.contains(selected) ? options[selected] : nil }

    public mutating func handle(_ key: Key) -> WidgetResponse {
        switch key {
        case .up where selected > 0:
            selected -= 1
        case .down where selected < options.count - 1:
            selected += 1
        case .home:
            selected = 0
        case .end:
            selected = max(0, options.count - 1)
        case .pageDown where options.count > 1:
            selected = min(options.count - 1, selected + 10)
        case .pageUp where options.count > 1:
            selected = max(0, selected - 10)
        case .character(" "):
            return .handled
        case .character(let character) where character.isASCII && character.isNumber:
            // Digits pick an option directly, as a clerk's muscle memory expects.
            guard let number = Int(String(character)), number >= 1, number <= options.count else { return .handled }
            selected = number - 1
        default:
            return .ignored
        }
        return .handled
    }

    /// Draws one row per option from `row`; `labelWidth` aligns the details. When there
    /// are more options than `maxRows`, it shows the page holding the selected one and,
    /// on the last row, which page that is: the selected option is always in view.
    public func draw(on canvas: inout Canvas, row: Int, column: Int, labelWidth: Int, focused: Bool,
                     rowGap: Int = 1, maxRows: Int = .max) {
        let perPage = options.count * rowGap <= maxRows ? options.count : max(1, (maxRows - 1) / max(1, rowGap))
        let first = perPage >= options.count ? 0 : (selected / perPage) * perPage
        if perPage < options.count {
            let pages = (options.count + perPage - 1) / perPage
            canvas.write("第 \(first / perPage + 1) / \(pages) 页，共 \(options.count) 项  上下键或 PgUp/PgDn 翻看",
                         row: row + perPage * rowGap, column: column, style: .muted)
        }
        for (offset, option) in options.dropFirst(first).prefix(perPage).enumerated() {
            let index = first + offset
            let y = row + offset * rowGap
            let isSelected = index == selected
            let marker = asMenu ? (isSelected ? ">" : " ") : (isSelected ? "(*)" : "( )")
            canvas.write(marker, row: y, column: column, style: isSelected && focused ? .accent : .normal)
            let labelColumn = column + DisplayWidth.columns(of: marker) + 1
            let style: Style = isSelected ? (focused ? .focus : .accent) : .normal
            canvas.write(TextLayout.pad(option.label, to: labelWidth), row: y, column: labelColumn, style: style)
            if !option.detail.isEmpty {
                canvas.write(option.detail, row: y, column: labelColumn + labelWidth + 2, style: .muted)
            }
            if isSelected && focused { canvas.cursor = Point(row: y, column: labelColumn) }
        }
    }

    public var height: Int { options.count }
}
