import CardDomain
import TerminalUI

/// The back office's list: applications in one status (D3), oldest first, with numbers
/// masked; or, with a search, every application whose 办事编号, ID number or name matches,
/// whatever its status. Enter opens one to move it along.
public struct QueueScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case open(String)
        case filter(ApplicationStatus)
        case search(String)
    }

    public let status: ApplicationStatus
    /// The search shown, when the list is a search's result.
    public let query: String
    public private(set) var form: Form

    /// The statuses back office works on, in the order of D3.
    static let statuses: [ApplicationStatus] = [.submitted, .inProduction, .produced, .awaitingPickup, .mailed,
                                                .collected, .photoRejected, .accountOpeningFailed, .productionFailed]

    /// `selecting` puts the cursor on that row of the list (after a move, the next one);
    /// `keeping` on that application instead, while it is in the list.
    public init(status: ApplicationStatus, state: CardState, query: String = "", selecting row: Int = 0,
                keeping selectedID: String? = nil, showing limit: Int = shownAtOnce) {
        self.status = status
        self.query = query
        let held = state.applications.statusCounts()
        let counts = Self.statuses.map { ChoiceOption(id: $0.rawValue, label: "\($0.rawValue)（\(held[$0] ?? 0)）") }
        var fields: [FormField] = [
            FormField(id: "status", label: "办卡状态", control: .select(SelectList(counts, selectedID: status.rawValue),
                                                                  chosen: status.rawValue, width: 24)),
            FormField(id: "query", label: "查找", control: .text(TextField(query, maxLength: 30), width: 24)),
        ]
        let applications = Self.list(status: status, query: query, in: state, limit: limit)
        if applications.isEmpty {
            let none = query.isEmpty ? "没有处于「\(status.rawValue)」的申请。" : "没有办事编号、证件号码或姓名符合「\(query)」的申请。"
            fields.append(FormField(id: "none", control: .note(none, style: .muted)))
        } else {
            let total = query.isEmpty ? held[status] ?? 0 : applications.count
            if total > applications.count {
                fields.append(FormField(id: "more", control: .note(
                    "共 \(total) 笔，先显示最早提交的 \(applications.count) 笔；办完的离开此列表后，其余依次补上。找某一笔请用「查找」。",
                    style: .muted)))
            }
            let names = Dictionary(state.persons.persons(applications.map(\.personNumber)).map { ($0.documentNumber, $0.name) },
                                   uniquingKeysWith: { first, _ in first })
            let options = applications.map { application in
                let name = names[application.personNumber] ?? ""
                let latest = application.latestAt.map { BeijingTime.dateTime(microseconds: $0) } ?? ""
                return ChoiceOption(id: application.id,
                                    label: "\(application.id)  \(TextLayout.pad(name, to: 6)) \(PrivacyMask.identityNumber(application.personNumber))",
                                    detail: query.isEmpty ? "\(application.channel.label)  \(latest)" : application.status.rawValue)
            }
            let wanted = selectedID.flatMap { id in applications.firstIndex { $0.id == id } } ?? row
            let selected = min(max(0, wanted), options.count - 1)
            // No label: the list takes the whole width, so a row's time is never cut.
            fields.append(FormField(id: "applications",
                                    control: .radio(RadioGroup(options, selected: selected, asMenu: true))))
        }
        form = Form(fields)
        if !applications.isEmpty { form.focus(on: "applications") }
    }

    /// At most this many rows at once: the back office works oldest first, and a list of a
    /// district's 100,000 would take a second to build at every key.
    public static let shownAtOnce = 500

    /// What the list shows: the status's oldest applications, or the search's.
    static func list(status: ApplicationStatus, query: String, in state: CardState, limit: Int = shownAtOnce) -> [ApplicationBrief] {
        query.isEmpty ? state.applications.briefs(in: status, limit: limit) : find(query, in: state).map(ApplicationBrief.init)
    }

    /// Applications whose 办事编号 or applicant's whole ID number is `query`, or whose
    /// applicant's name starts with it; newest first.
    static func find(_ query: String, in state: CardState) -> [Application] {
        let text = query.trimmingSpaces
        if let application = state.applications[text.uppercased()] { return [application] }
        if state.person(text.uppercased()) != nil { return state.applications(ofPerson: text.uppercased()).reversed() }
        guard !text.isEmpty else { return [] }
        let people = state.persons.named(prefix: text, limit: 100).map(\.number)
        return people.flatMap { state.applications(ofPerson: $0) }.sorted { $0.id > $1.id }.prefix(100).map { $0 }
    }

    /// The row the cursor is on in the list (0 without one).
    var selectedRow: Int {
        guard case .radio(let group)? = form.fields.first(where: { $0.id == "applications" })?.control else { return 0 }
        return group.selected
    }

    public var title: String { "按状态查看申请" }

    /// Enter in the search field searches (see `handle`).
    public var handlesEnterItself: Bool { form.focusedField?.id == "query" }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let focusedID = form.focusedField?.id
        if key == .enter, focusedID == "query" {
            return (.handled, .search(form.value("query").trimmingSpaces))
        }
        let event = form.handle(key)
        if let chosen = ApplicationStatus(rawValue: form.value("status")), chosen != status { return (event, .filter(chosen)) }
        if event == .submitted, focusedID == "applications" { return (event, .open(form.value("applications"))) }
        return (event, nil)
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "下一项"), KeyHint("Enter", "打开/查找"), KeyHint("Esc", "返回首页"), .help, .logout] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
