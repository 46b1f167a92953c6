/// One option of a radio group or select list: what is shown, and an optional note beside
/// it ("职工、退休人员：本人申领").
public struct ChoiceOption: Equatable, Sendable {
    public var id: String
    public var label: String
    public var detail: String

    public init(id: String, label: String, detail: String = "") {
        self.id = id
        self.label = label
        self.detail = detail
    }
}
