/// A date typed as digits, shown as YYYY-MM-DD: the hyphens appear by themselves, so a
/// user types 20150601 or 2015-06-01 alike.
public struct DateField: Equatable, Sendable {
    public private(set) var field: TextField

    public init(_ text: String = "") {
        field = TextField("", maxLength: 10, filter: .any, placeholder: "YYYY-MM-DD")
        for character in text { _ = handle(.character(character)) }
    }

    public var text: String { field.text }

    /// Columns drawn: ten for the date, one for the caret after it, two brackets.
    public static let width = 13

    /// Whether the text is a real calendar date (so 2019-02-30 is not).
    public var isComplete: Bool { DateField.parse(text) != nil }

    public static func parse(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days ? (year, month, day) : nil
    }

    public mutating func handle(_ key: Key) -> WidgetResponse {
        if case .character(let character) = key {
            if character == "-" || character == "/" || character == "." {
                let count = field.text.count
                if count == 4 || count == 7 { return field.handle(.character("-")) }
                return .handled
            }
            guard character.isASCII, character.isNumber else { return .handled }
            let count = field.text.count
            if count == 4 || count == 7 { _ = field.handle(.character("-")) }
            return field.handle(.character(character))
        }
        let response = field.handle(key)
        // The hyphens come and go with the digits: never leave one dangling at the end.
        if key == .backspace, field.text.hasSuffix("-"), field.caret == field.text.count { _ = field.handle(.backspace) }
        return response
    }

    public func draw(on canvas: inout Canvas, row: Int, column: Int, focused: Bool) {
        field.draw(on: &canvas, row: row, column: column, width: DateField.width, focused: focused)
    }
}
