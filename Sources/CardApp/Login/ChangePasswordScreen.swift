import CardDomain
import TerminalUI

/// 修改密码 before anything else, after a login with a temporary password: the new
/// password twice. The session starts only once it is recorded; Esc leaves without one.
public struct ChangePasswordScreen: AppScreen, Equatable, Sendable {
    public let group: ChannelProfile.LoginGroup
    /// Who logged in with the temporary password, admitted once the change is recorded.
    public let pending: Actor
    public let displayName: String
    public private(set) var form: Form

    init(group: ChannelProfile.LoginGroup, pending: Actor, displayName: String) {
        self.group = group
        self.pending = pending
        self.displayName = displayName
        form = Form([
            FormField(id: "intro", control: .note("您使用的是管理员发放的临时密码，请先设置自己的新密码。新密码至少 "
                                                  + "\(PasswordRules.minimumLength) 位，含大写字母、小写字母、数字、符号中的至少三类，"
                                                  + "不能包含用户名、身份证号或手机号。", style: .normal)),
            FormField(id: "newPassword", label: "新密码", isRequired: true,
                      control: .text(TextField("", maxLength: PasswordRules.maximumLength, filter: .ascii, isSecret: true), width: 24)),
            FormField(id: "repeatPassword", label: "再次输入新密码", isRequired: true,
                      control: .text(TextField("", maxLength: PasswordRules.maximumLength, filter: .ascii, isSecret: true), width: 24)),
            FormField(id: "change", control: .button("确认修改")),
        ])
    }

    public var title: String { "设置新密码" }

    /// The new password once both fields agree; else the problem is shown at its field.
    public mutating func handle(_ key: Key) -> (FormEvent, String?) {
        let event = form.handle(key)
        switch event {
        case .submitted, .pressed("change"):
            let first = form.value("newPassword"), second = form.value("repeatPassword")
            if first.isEmpty { form.show(problems: [("newPassword", "请输入新密码")]); return (event, nil) }
            if second != first {
                form.setValue("", for: "repeatPassword")
                form.show(problems: [("repeatPassword", "两次输入的新密码不一致，请再输入一次")])
                return (event, nil)
            }
            return (event, first)
        default:
            return (event, nil)
        }
    }

    /// A rule refused the password: both fields are cleared, and the rule is named.
    public mutating func refused(_ message: String) {
        form.setValue("", for: "newPassword")
        form.setValue("", for: "repeatPassword")
        form.show(problems: [("newPassword", message)])
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "下一项"), KeyHint("Enter", "确认修改"), KeyHint("Esc", "退出"), .help, .quit] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
