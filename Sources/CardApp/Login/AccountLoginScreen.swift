import CardDomain
import TerminalUI

/// 账号登录 / 口令登录 / 工作人员账号登录: login name, password, and the drawn captcha when
/// this terminal's last try failed. On a refusal the login name stays; the password and
/// captcha are cleared, as every bank and government site does.
public struct AccountLoginScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case logIn(Submission)
        /// 注册 or 忘记密码, offered to persons.
        case setPassword(RegistrationScreen.Purpose)
    }

    public struct Submission: Equatable, Sendable {
        public var login: String
        public var password: String
        public var captcha: String
    }

    public let group: ChannelProfile.LoginGroup
    public let method: ChannelProfile.LoginMethod
    public private(set) var captcha: Captcha?
    public private(set) var form: Form

    public init(group: ChannelProfile.LoginGroup, method: ChannelProfile.LoginMethod, captcha: Captcha?, login: String = "") {
        self.group = group
        self.method = method
        self.captcha = captcha
        let loginLabel: String
        switch group.actor {
        case "unitOperator": loginLabel = "用户名"
        case "staff": loginLabel = "工作人员账号"
        default: loginLabel = "用户名/手机号/身份证号"
        }
        var fields = [
            FormField(id: "login", label: loginLabel, isRequired: true,
                      control: .text(TextField(login, maxLength: 40), width: 24)),
            FormField(id: "password", label: "密码", isRequired: true,
                      control: .text(TextField("", maxLength: 64, filter: .ascii, isSecret: true), width: 24)),
        ]
        if let captcha { fields += captcha.formFields }
        fields.append(FormField(id: "login-button", control: .button("登录")))
        // A person without a password sets one here, after proving who they are by SMS.
        if group.actor == "person" {
            fields.append(FormField(id: "register", control: .button("注册")))
            fields.append(FormField(id: "forgot", control: .button("忘记密码")))
        }
        form = Form(fields)
        if !login.isEmpty { form.focus(on: "password") }
    }

    public var title: String { method.label }
    public var plainDefaultButton: String? { "login-button" }
    public var hasInput: Bool { !form.value("login").isEmpty || !form.value("password").isEmpty }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("register"): return (event, .setPassword(.register))
        case .pressed("forgot"): return (event, .setPassword(.reset))
        case .submitted, .pressed: return (event, submit().map(Action.logIn))
        default: return (event, nil)
        }
    }

    /// The typed values, or nil with every missing field marked.
    public mutating func submit() -> Submission? {
        var problems: [(field: String, message: String)] = []
        if TextLayout.trimmed(form.value("login")).isEmpty { problems.append(("login", "请输入\(form.fields[0].label)")) }
        if form.value("password").isEmpty { problems.append(("password", "请输入密码")) }
        if captcha != nil, form.value("captcha").isEmpty { problems.append(("captcha", "请输入图中的验证码")) }
        form.show(problems: problems)
        guard problems.isEmpty else { return nil }
        return Submission(login: TextLayout.trimmed(form.value("login")), password: form.value("password"),
                          captcha: form.value("captcha"))
    }

    /// After a refused try: keep the login name, show the reason at its field, and ask the
    /// new captcha (if any). A wrong captcha keeps the password, which was not checked.
    public mutating func refused(field: String, message: String, newCaptcha: Captcha?) {
        let password = field == "captcha" ? form.value("password") : ""
        self = AccountLoginScreen(group: group, method: method, captcha: newCaptcha, login: form.value("login"))
        form.setValue(password, for: "password")
        let target = field == "captcha" && newCaptcha == nil ? "password" : field
        form.show(problems: [(target, message)])
    }

    public var hints: [KeyHint] {
        [KeyHint("Tab", "下一项"), KeyHint("Enter", "登录"), KeyHint("Esc", "返回"), .help, .quit]
    }

    /// Changes the form in place: keeps its scroll position after drawing, and lets the
    /// accessible mode move the focus before it presses Enter.
    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
