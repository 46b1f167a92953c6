/// One labelled field of a form, holding its widget. Required fields are marked "*";
/// a problem is shown beside the field and in the form's summary.
public struct FormField: Equatable, Sendable {
    public enum Control: Equatable, Sendable {
        case text(TextField, width: Int)
        case date(DateField)
        case checkbox(Checkbox)
        case radio(RadioGroup)
        /// A value chosen from a list that opens over the form (Enter, or start typing).
        case select(SelectList, chosen: String?, width: Int)
        /// Greyed: shown as plain text, with why it cannot be changed.
        case readOnly(String, note: String)
        /// 【登录】: Enter presses it.
        case button(String)
        /// A line of text between fields (instructions, a drawn captcha).
        case note(String, style: Style)
        /// Rows to page through and tick; its value is the current row's id.
        case table(Table)
    }

    public let id: String
    public var label: String
    public var isRequired: Bool
    public var control: Control
    public var problem: String?

    public init(id: String, label: String = "", isRequired: Bool = false, control: Control) {
        self.id = id
        self.label = label
        self.isRequired = isRequired
        self.control = control
    }

    public var isFocusable: Bool {
        switch control {
        case .readOnly, .note: return false
        default: return true
        }
    }

    public var isButton: Bool {
        if case .button = control { return true }
        return false
    }

    /// The field's value as text: the typed text, "true"/"false", or the chosen option's id.
    public var value: String {
        switch control {
        case .text(let field, _): return field.text
        case .date(let field): return field.text
        case .checkbox(let box): return box.isChecked ? "true" : "false"
        case .radio(let group): return group.selectedOption?.id ?? ""
        case .select(_, let chosen, _): return chosen ?? ""
        case .readOnly(let value, _): return value
        case .table(let table): return table.currentID ?? ""
        case .button, .note: return ""
        }
    }

    /// The value as the user sees it: a choice's label rather than its id.
    public var shownValue: String {
        switch control {
        case .select(let list, let chosen, _): return chosen.flatMap { id in list.options.first { $0.id == id }?.label } ?? ""
        case .radio(let group): return group.selectedOption?.label ?? ""
        case .checkbox(let box): return box.isChecked ? "是" : "否"
        case .readOnly(let value, _): return value
        case .button(let label): return label
        default: return value
        }
    }

    /// Rows the field takes, before the form's row gap.
    public var height: Int {
        switch control {
        case .radio(let group): return group.height
        case .table(let table): return table.pageSize + 2
        case .note(let text, _): return text.split(separator: "\n", omittingEmptySubsequences: false).count
        default: return 1
        }
    }
}
