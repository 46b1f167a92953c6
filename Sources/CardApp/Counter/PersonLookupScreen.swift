import CardDomain
import TerminalUI

/// The clerk's look-up: an ID number (whole) or a name, and the people found, with their
/// numbers masked as every list shows them (D12). Opening one is recorded as a view.
public struct PersonLookupScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case search(String)
        case open(String)
    }

    public private(set) var form: Form

    public init(query: String = "", results: [PersonRecord]? = nil, state: CardState? = nil) {
        var fields: [FormField] = [
            FormField(id: "query", label: "证件号码或姓名", isRequired: true,
                      control: .text(TextField(query, maxLength: 30), width: 24)),
            FormField(id: "search", control: .button("查询")),
        ]
        if let results {
            if results.isEmpty {
                fields.append(FormField(id: "none", control: .note("没有找到符合条件的人员，请核对证件号码。", style: .warning)))
            } else {
                let options = results.map { person in
                    let current = state?.applicationInProgress(of: person.documentNumber)
                    return ChoiceOption(id: person.documentNumber,
                                        label: "\(person.name)  \(PrivacyMask.identityNumber(person.documentNumber))",
                                        detail: "\(person.status.rawValue)  " + (current.map { "在办：\($0.status.rawValue)" } ?? "无在办申请"))
                }
                fields.append(FormField(id: "results", label: "查询结果", control: .radio(RadioGroup(options, asMenu: true))))
            }
        }
        form = Form(fields)
        if results?.isEmpty == false { form.focus(on: "results") }
    }

    public var title: String { "查询人员并代办" }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let focusedID = form.focusedField?.id
        let event = form.handle(key)
        guard event == .submitted || event == .pressed("search") else { return (event, nil) }
        if focusedID == "results" { return (event, .open(form.value("results"))) }
        let query = form.value("query").trimmingSpaces
        guard !query.isEmpty else {
            form.show(problems: [("query", "请输入申请人的证件号码或姓名")])
            return (event, nil)
        }
        return (event, .search(query))
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "下一项"), KeyHint("Enter", "查询/打开"), KeyHint("Esc", "返回首页"), .help, .logout] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }

    /// Why `query`, typed as a resident ID number (digits, maybe an X), is not a valid one;
    /// nil for a valid number or for a name.
    static func numberProblem(_ query: String) -> String? {
        let text = query.trimmingSpaces
        guard text.count >= 6, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "X" || $0 == "x") }),
              case .failure(let problem) = ResidentIDNumber.parse(text) else { return nil }
        return "证件号码无效：" + problem.message
    }

    /// The person with the whole document number `query`, or the first 50 whose name
    /// starts with it, from the name index in (name, document number) order.
    static func find(_ query: String, in state: CardState) -> [PersonRecord] {
        if let person = state.person(query.uppercased()) { return [person] }
        guard !query.isEmpty else { return [] }
        return state.persons.persons(namedWith: query, limit: 50)
    }
}
