/// A one-line text field edited by character with the caret placed by display column, so
/// mixed Chinese and Latin text edits and scrolls correctly. Draws as "[value   ]".
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index in `characters` before which the next character goes.
    public private(set) var caret: Int
    public var maxLength: Int?
    public var filter: InputFilter
    /// Drawn as asterisks (passwords).
    public var isSecret: Bool
    public var placeholder: String

    public init(_ text: String = "", maxLength: Int? = nil, filter: InputFilter = .any,
                isSecret: Bool = false, placeholder: String = "") {
        let accepted = text.compactMap { filter.accepts($0) }
        characters = Array(maxLength.map { accepted.prefix($0) } ?? accepted[...])
        caret = characters.count
        self.maxLength = maxLength
        self.filter = filter
        self.isSecret = isSecret
        self.placeholder = placeholder
    }

    public var text: String { String(characters) }

    public mutating func setText(_ text: String) {
        self = TextField(text, maxLength: maxLength, filter: filter, isSecret: isSecret, placeholder: placeholder)
    }

    public mutating func handle(_ key: Key) -> WidgetResponse {
        switch key {
        case .character(let character):
            guard let accepted = filter.accepts(character) else { return .handled }
            if let maxLength, characters.count >= maxLength { return .handled }
            characters.insert(accepted, at: caret)
            caret += 1
        case .backspace:
            guard caret > 0 else { return .handled }
            caret -= 1
            characters.remove(at: caret)
        case .delete, .control("d"):
            if caret < characters.count { characters.remove(at: caret) }
        case .left:
            caret = max(0, caret - 1)
        case .right:
            caret = min(characters.count, caret + 1)
        case .home, .control("a"):
            caret = 0
        case .end, .control("e"):
            caret = characters.count
        case .control("u"):
            characters.removeFirst(caret)
            caret = 0
        case .control("k"):
            characters.removeLast(characters.count - caret)
        default:
            return .ignored
        }
        return .handled
    }

    /// Columns from the start of the text to the caret.
    public var caretColumn: Int {
        displayed[..<caret].reduce(0) { $0 + DisplayWidth.columns(of: $1) }
    }

    private var displayed: [Character] {
        isSecret ? Array(repeating: "*", count: characters.count) : characters
    }

    /// Draws "[text   ]" in `width` columns; when focused, places the terminal cursor at
    /// the caret. Unfocused, a field shows the beginning of its text; focused, it scrolls
    /// only as far as the caret needs (at the very end, the caret may stand on the closing
    /// bracket, so a value that fills the field exactly is shown whole). Where text runs
    /// past an edge, that edge's bracket becomes "<" or ">", so nothing is hidden silently.
    public func draw(on canvas: inout Canvas, row: Int, column: Int, width: Int, focused: Bool) {
        let inner = max(1, width - 2)
        let shown = displayed
        // Derived at each draw from the caret alone: nothing of the view is kept between frames.
        let scroll = focused ? Self.scroll(shown, caret: caret, inner: inner) : 0
        let visible = TextLayout.truncate(String(shown[scroll...]), to: inner)
        let hiddenRight = visible.count < shown.count - scroll
        let style: Style = focused ? .focus : .input
        canvas.write(scroll > 0 ? "<" : "[", row: row, column: column, style: .muted)
        canvas.clear(Rect(row: row, column: column + 1, width: inner, height: 1), style: style)
        if characters.isEmpty, !placeholder.isEmpty {
            canvas.write(placeholder, row: row, column: column + 1, style: focused ? .focus : .muted, limit: inner)
        } else {
            canvas.write(visible, row: row, column: column + 1, style: style)
        }
        canvas.write(hiddenRight ? ">" : "]", row: row, column: column + 1 + inner, style: .muted)
        if focused {
            let offset = shown[scroll..<caret].reduce(0) { $0 + DisplayWidth.columns(of: $1) }
            canvas.cursor = Point(row: row, column: column + 1 + min(offset, inner))
        }
    }

    /// The first character to show so that the caret is inside the field: the least scroll
    /// that does it. The caret needs its own column, except at the end of the text, where
    /// it may stand on the closing bracket.
    static func scroll(_ shown: [Character], caret: Int, inner: Int) -> Int {
        let limit = caret == shown.count ? inner : inner - 1
        var width = shown[..<caret].reduce(0) { $0 + DisplayWidth.columns(of: $1) }
        var first = 0
        while first < caret, width > limit {
            width -= DisplayWidth.columns(of: shown[first])
            first += 1
        }
        return first
    }
}
