import CardDomain
import TerminalUI

/// 新建账号 and 变更角色: user name (fixed when changing), name, role, and what the role
/// needs: a 所属网点 from the branch list for a clerk, a 单位编号 for a unit operator. The
/// record's rules are the domain's; its refusals come back beside their fields.
public struct AccountFormScreen: AppScreen, Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var username: String
        public var displayName: String
        public var role: Role
        public var workplace: String?
        public var unitNumber: String?
    }

    /// The account being changed; nil when creating one.
    public let editing: AccountRecord?
    public let returnTo: AccountsScreen
    public private(set) var form: Form

    static let roles: [Role] = [.counterClerk, .backOffice, .administrator, .unitOperator]

    init(editing: AccountRecord?, branches: [String], returnTo: AccountsScreen) {
        self.editing = editing
        self.returnTo = returnTo
        let roleOptions = Self.roles.map { ChoiceOption(id: $0.rawValue, label: $0.rawValue) }
        let role = editing?.role.rawValue ?? Role.counterClerk.rawValue
        var fields: [FormField] = []
        if let editing {
            fields.append(FormField(id: "username", label: "用户名", control: .readOnly(editing.username, note: "")))
            fields.append(FormField(id: "displayName", label: "姓名", control: .readOnly(editing.displayName, note: "")))
        } else {
            fields.append(FormField(id: "username", label: "用户名", isRequired: true,
                                    control: .text(TextField("", maxLength: 32, filter: .ascii), width: 24)))
            fields.append(FormField(id: "displayName", label: "姓名", isRequired: true,
                                    control: .text(TextField("", maxLength: 20), width: 24)))
        }
        fields += [
            FormField(id: "role", label: "角色", isRequired: true,
                      control: .select(SelectList(roleOptions, selectedID: role), chosen: role, width: 24)),
            FormField(id: "workplace", label: "所属网点", control: .select(SelectList(branches.map { ChoiceOption(id: $0, label: $0) },
                                                                                  selectedID: editing?.workplace),
                                                                       chosen: editing?.workplace, width: 34)),
            FormField(id: "unitNumber", label: "单位编号",
                      control: .text(TextField(editing?.unitNumber ?? "", maxLength: 20, filter: .ascii), width: 24)),
            FormField(id: "note", control: .note("窗口经办须选择所属网点；单位经办人须填写单位编号。"
                                                 + (editing == nil ? "创建后会显示一次临时密码，首次登录时须修改。" : ""), style: .muted)),
            FormField(id: "save", control: .button(editing == nil ? "创建账号" : "保存变更")),
            FormField(id: "back", control: .button("返回")),
        ]
        form = Form(fields)
    }

    public var title: String { editing == nil ? "新建账号" : "变更角色或所属" }

    public enum Action: Equatable, Sendable { case save(Entry), back }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("back"): return (event, .back)
        case .pressed("save"), .submitted:
            var problems: [(field: String, message: String)] = []
            let username = editing?.username ?? form.value("username").trimmingSpaces
            let displayName = editing?.displayName ?? form.value("displayName").trimmingSpaces
            if username.isEmpty { problems.append(("username", "请填写用户名")) }
            if displayName.isEmpty { problems.append(("displayName", "请填写账号使用人的姓名")) }
            form.show(problems: problems)
            guard problems.isEmpty, let role = Role(rawValue: form.value("role")) else { return (event, nil) }
            let workplace = form.value("workplace"), unit = form.value("unitNumber").trimmingSpaces
            return (event, .save(Entry(username: username, displayName: displayName, role: role,
                                       workplace: workplace.isEmpty ? nil : workplace, unitNumber: unit.isEmpty ? nil : unit)))
        default:
            return (event, nil)
        }
    }

    /// The domain's refusals, beside the fields they name; what was typed stays.
    mutating func refused(_ refusal: CommandRefusal) {
        let ids = ["用户名": "username", "姓名": "displayName", "角色": "role", "所属网点": "workplace", "单位编号": "unitNumber"]
        switch refusal {
        case .invalid(let problems): form.show(problems: problems.map { (ids[$0.field] ?? $0.field, $0.message) })
        default: form.show(problems: [("save", refusal.description)])
        }
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "下一项"), KeyHint("Enter", "确定"), KeyHint("Esc", "返回"), .help, .logout] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
