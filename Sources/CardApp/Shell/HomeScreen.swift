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

    /// A person sees the flow that is theirs: a retiree the application, an employee the
    /// confirmation (D17), each under the channel's own button (本人申请社会保障卡,
    /// 单位集体申领-个人信息确认（修改）, ...) rather than the menu's generic label.
    public init(role: Role, displayName: String, policy: TerminalPolicy, profile: ChannelProfile? = nil,
                personStatus: PersonRecord.Status? = nil) {
        self.role = role
        let hidden: String? = switch personStatus {
        case .retired?: "confirm"
        case .employed?: "apply"
        case nil: nil
        }
        items = (policy.home[role.rawValue] ?? []).filter { $0.id != hidden }.map { item in
            var renamed = item
            if item.id == "apply", let profile { renamed.label = profile.retiree.entryButton }
            if item.id == "confirm", let profile { renamed.label = profile.employee.entryButton }
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
