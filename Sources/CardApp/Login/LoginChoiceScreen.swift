import CardDomain
import TerminalUI

/// The channel's login-choice screen: the login identities (个人登录, 法人登录, staff) and
/// under the chosen one every login method the seeds name, with their labels (D10).
public struct LoginChoiceScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case chose(group: ChannelProfile.LoginGroup, method: ChannelProfile.LoginMethod)
    }

    public let groups: [ChannelProfile.LoginGroup]
    public private(set) var form: Form
    private var groupIndex: Int
    private let methodNotes: [String: String]

    public init(profile: ChannelProfile, policy: TerminalPolicy, group: Int = 0) {
        groups = profile.logins
        methodNotes = policy.methodNotes
        groupIndex = min(group, max(0, profile.logins.count - 1))
        var fields: [FormField] = []
        if groups.count > 1 {
            let options = groups.map { ChoiceOption(id: $0.actor, label: $0.tab, detail: policy.tabNotes[$0.actor] ?? "") }
            fields.append(FormField(id: "group", label: "请选择登录身份",
                                    control: .radio(RadioGroup(options, selected: groupIndex))))
        } else if let only = groups.first {
            fields.append(FormField(id: "group", label: "登录身份", control: .readOnly(only.tab, note: policy.tabNotes[only.actor] ?? "")))
        }
        form = Form(fields)
        rebuildMethods()
        form.focusFirstField()
    }

    public var title: String { "登录" }
    public var group: ChannelProfile.LoginGroup? { groups.indices.contains(groupIndex) ? groups[groupIndex] : nil }

    private mutating func rebuildMethods() {
        form.fields.removeAll { $0.id == "method" || $0.id == "consent" }
        guard let group else { return }
        if let consent = group.consent {
            form.fields.append(FormField(id: "consent", label: "", isRequired: true, control: .checkbox(Checkbox(consent))))
        }
        let options = group.methods.map { ChoiceOption(id: $0.id, label: $0.label, detail: methodNotes[$0.id] ?? "") }
        form.fields.append(FormField(id: "method", label: "登录方式", control: .radio(RadioGroup(options, asMenu: true))))
    }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        syncGroup()
        if event == .submitted { return (event, submit()) }
        return (event, nil)
    }

    /// The radio's choice decides which methods are listed.
    private mutating func syncGroup() {
        guard let chosen = groups.firstIndex(where: { $0.actor == form.value("group") }), chosen != groupIndex else { return }
        groupIndex = chosen
        rebuildMethods()
    }

    /// The chosen method, or the problems shown on the form.
    public mutating func submit() -> Action? {
        syncGroup()
        guard let group else { return nil }
        if group.consent != nil, form.value("consent") != "true" {
            form.show(problems: [("consent", "请先阅读并勾选「\(group.consent ?? "")」")])
            return nil
        }
        form.clearProblems()
        guard let method = group.methods.first(where: { $0.id == form.value("method") }) else { return nil }
        return .chose(group: group, method: method)
    }

    public mutating func setValues(_ values: [String: String]) {
        if let group = values["group"] { form.setValue(group, for: "group"); syncGroup() }
        for (id, value) in values where id != "group" { form.setValue(value, for: id) }
    }

    public var hints: [KeyHint] {
        [KeyHint("Tab", "下一项"), KeyHint("方向键", "选择"), KeyHint("Enter", "确定"), .help, .quit]
    }

    /// Changes the form in place: keeps its scroll position after drawing, and lets the
    /// accessible mode move the focus before it presses Enter.
    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
