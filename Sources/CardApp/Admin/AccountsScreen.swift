import CardDomain
import TerminalUI

/// 账号管理: the recorded accounts, filtered by state and role and searched by user name,
/// name, unit or branch; ID numbers masked. Enter on a row opens it; 新建账号 makes one.
public struct AccountsScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case open(String)
        case filter(state: String, role: String, query: String)
        case create
    }

    public static let anyChoice = "全部"
    public static let shownAtOnce = 500

    public let stateFilter: String
    public let roleFilter: String
    public let query: String
    public private(set) var form: Form

    public init(state: CardState, now: Int64, stateFilter: String = anyChoice, roleFilter: String = anyChoice, query: String = "",
                keeping selected: String? = nil) {
        self.stateFilter = stateFilter
        self.roleFilter = roleFilter
        self.query = query
        let states = [Self.anyChoice] + AccountStatus.allCases.map(\.rawValue)
        let roles = [Self.anyChoice] + [Role.counterClerk, .backOffice, .administrator, .unitOperator, .person].map(\.rawValue)
        var fields: [FormField] = [
            FormField(id: "state", label: "状态", control: .select(SelectList(states.map { ChoiceOption(id: $0, label: $0) },
                                                                            selectedID: stateFilter), chosen: stateFilter, width: 14)),
            FormField(id: "role", label: "角色", control: .select(SelectList(roles.map { ChoiceOption(id: $0, label: $0) },
                                                                           selectedID: roleFilter), chosen: roleFilter, width: 14)),
            FormField(id: "query", label: "查找", control: .text(TextField(query, maxLength: 30), width: 24)),
            FormField(id: "create", control: .button("新建账号")),
        ]
        let matching = Self.list(state: state, now: now, stateFilter: stateFilter, roleFilter: roleFilter, query: query)
        if matching.isEmpty {
            fields.append(FormField(id: "none", control: .note("没有符合条件的账号。", style: .muted)))
        } else {
            if matching.count > Self.shownAtOnce {
                fields.append(FormField(id: "more", control: .note(
                    "共 \(matching.count) 个，先显示前 \(Self.shownAtOnce) 个；找某一个请用「查找」。", style: .muted)))
            }
            let shown = matching.prefix(Self.shownAtOnce)
            // The row holds what tells accounts apart; the unit or branch is on the account's page.
            let options = shown.map { account in
                ChoiceOption(id: account.username,
                             label: "\(TextLayout.pad(Self.shownName(account.username), to: 19))\(Self.cell(account.displayName, 13))"
                                 + account.role.rawValue,
                             detail: state.accountStatus(account, now: now).rawValue)
            }
            let index = selected.flatMap { name in shown.firstIndex { $0.username == name } } ?? 0
            fields.append(FormField(id: "accounts", control: .radio(RadioGroup(options, selected: index, asMenu: true))))
        }
        form = Form(fields)
        if !matching.isEmpty { form.focus(on: "accounts") }
    }

    /// `text` in `columns`, with ".." where it had to be cut, so a cut name never passes for whole.
    static func cell(_ text: String, _ columns: Int) -> String {
        let fits = DisplayWidth.columns(of: text) < columns
        return TextLayout.pad(fits ? text : TextLayout.truncate(text, to: columns - 3) + "..", to: columns)
    }

    /// A person's account is named by their ID number: masked in the list.
    static func shownName(_ username: String) -> String {
        PrivacyMask.userName(username)
    }

    static func list(state: CardState, now: Int64, stateFilter: String, roleFilter: String, query: String) -> [AccountRecord] {
        let text = query.trimmingSpaces
        return state.accounts.values.filter { account in
            (stateFilter == anyChoice || state.accountStatus(account, now: now).rawValue == stateFilter)
                && (roleFilter == anyChoice || account.role.rawValue == roleFilter)
                && (text.isEmpty || account.username.localizedCaseInsensitiveContains(text) || account.displayName.contains(text)
                    || account.workplace?.contains(text) == true || account.unitNumber == text
                    || account.unitNumber.flatMap { state.units[$0]?.name.contains(text) } == true)
        }.sorted { $0.username < $1.username }
    }

    public var title: String { "账号管理" }

    public var handlesEnterItself: Bool { form.focusedField?.id == "query" }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let focusedID = form.focusedField?.id
        if key == .enter, focusedID == "query" {
            return (.handled, .filter(state: stateFilter, role: roleFilter, query: form.value("query").trimmingSpaces))
        }
        let event = form.handle(key)
        if form.value("state") != stateFilter || form.value("role") != roleFilter {
            return (event, .filter(state: form.value("state"), role: form.value("role"), query: form.value("query").trimmingSpaces))
        }
        if event == .pressed("create") { return (event, .create) }
        if event == .submitted, focusedID == "accounts" { return (event, .open(form.value("accounts"))) }
        return (event, nil)
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "下一项"), KeyHint("Enter", "打开/查找"), KeyHint("Esc", "返回首页"), .help, .logout] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
