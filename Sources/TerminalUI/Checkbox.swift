/// "[x] 我同意": Space toggles it.
public struct Checkbox: Equatable, Sendable {
    public var label: String
    public var isChecked: Bool

    public init(_ label: String, isChecked: Bool = false) {
        self.label = label
        self.isChecked = isChecked
    }

    public mutating func handle(_ key: Key) -> WidgetResponse {
        guard key == .character(" ") else { return .ignored }
        isChecked.toggle()
        return .handled
    }

    public func draw(on canvas: inout Canvas, row: Int, column: Int, focused: Bool) {
        canvas.write(isChecked ? "[x]" : "[ ]", row: row, column: column, style: focused ? .focus : .input)
        canvas.write(label, row: row, column: column + 4, style: focused ? .accent : .normal)
        if focused { canvas.cursor = Point(row: row, column: column + 1) }
    }
}
