import CardDomain
import TerminalUI

/// Says plainly that a login method is not available on this terminal and why, and offers
/// account login instead. It never pretends to log in.
public struct UnavailableLoginScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case useAccountLogin
        case back
    }

    public let group: ChannelProfile.LoginGroup
    public let method: ChannelProfile.LoginMethod
    public private(set) var form: Form

    public init(group: ChannelProfile.LoginGroup, method: ChannelProfile.LoginMethod, policy: TerminalPolicy) {
        self.group = group
        self.method = method
        let reason = policy.unavailable[method.mechanism.rawValue] ?? "本终端尚未接入该登录方式。"
        let message = "「\(method.label)」在本终端暂不可用。\n\(reason)\n请改用账号登录（用户名/手机号/身份证号和密码）。"
        form = Form([
            // Wrapped here because a note's height is its line count.
            FormField(id: "reason", control: .note(message, style: .warning)),
            FormField(id: "account", control: .button("改用账号登录")),
            FormField(id: "back", control: .button("返回")),
        ])
    }

    public var title: String { method.label }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("account"): return (event, .useAccountLogin)
        case .pressed("back"): return (event, .back)
        default: return (event, nil)
        }
    }

    public var hints: [KeyHint] {
        [KeyHint("Tab", "下一项"), KeyHint("Enter", "确定"), KeyHint("Esc", "返回"), .help, .quit]
    }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
