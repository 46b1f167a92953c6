import CardDomain
import TerminalUI

/// After login: what this role can do, from terminal.json. Items whose screens are not
/// built yet say so when chosen, rather than pretending.
public struct HomeScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case chose(TerminalPolicy.HomeItem)
    }

    public let role: Role
    public let items: [TerminalPolicy.HomeItem]
    public private(set) var form: Form

    /// `entryButton` is the channel's own wording for a retiree's application (本人申请社会保障卡,
    /// 本人申领, 申请本人社会保障卡), shown instead of the menu's generic label.
    public init(role: Role, displayName: String, policy: TerminalPolicy, entryButton: String? = nil) {
        self.role = role
        items = (policy.home[role.rawValue] ?? []).map { item in
            guard item.id == "apply", let entryButton else { return item }
            var renamed = item
            renamed.label = entryButton
            return renamed
        }
        let options = items.map { ChoiceOption(id: $0.id, label: $0.label, detail: $0.detail) }
        form = Form([
            FormField(id: "welcome", control: .note("您好，\(displayName)（\(role.rawValue)）。请选择要办理的业务：", style: .normal)),
            FormField(id: "task", control: .radio(RadioGroup(options, asMenu: true))),
        ])
    }

    public var title: String { "首页" }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        guard event == .submitted, let item = items.first(where: { $0.id == form.value("task") }) else { return (event, nil) }
        return (event, .chose(item))
    }

    public var hints: [KeyHint] {
        [KeyHint("方向键", "选择"), KeyHint("Enter", "办理"), .help, .logout]
    }

    /// Changes the form in place: keeps its scroll position after drawing, and lets the
    /// accessible mode move the focus before it presses Enter.
    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
