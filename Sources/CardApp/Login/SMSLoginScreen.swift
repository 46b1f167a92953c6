import CardDomain
import TerminalUI

/// 手机号验证码登录 (民生一卡通): the 卡预留手机号, 【获取验证码】, the six digits from the SMS,
/// 【登录】. The number typed stays through every refusal; a wrong code is cleared.
public struct SMSLoginScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case send(phone: String)
        case logIn(phone: String, code: String)
        case back
    }

    public let group: ChannelProfile.LoginGroup
    public let method: ChannelProfile.LoginMethod
    /// The number the last code went to, and when it may be sent again.
    public private(set) var sentTo: String?
    public private(set) var resendAt: Int64 = 0
    public private(set) var form: Form
    let codeDigits: Int

    init(group: ChannelProfile.LoginGroup, method: ChannelProfile.LoginMethod, codeDigits: Int) {
        self.group = group
        self.method = method
        self.codeDigits = codeDigits
        form = Form([])
        form = build(phone: "", status: nil, now: 0)
    }

    private func build(phone: String, status: (String, Style)?, now: Int64) -> Form {
        let wait = max(0, (resendAt - now + 999_999) / 1_000_000)
        var fields = [
            FormField(id: "how", control: .note("请输入社保卡预留手机号，获取短信验证码后登录。", style: .normal)),
            FormField(id: "phone", label: "手机号", isRequired: true,
                      control: .text(TextField(phone, maxLength: 13, filter: .digits), width: 14)),
            FormField(id: "send", control: .button(wait > 0 ? "重新获取（\(wait) 秒）" : (sentTo == nil ? "获取验证码" : "重新获取验证码"))),
            FormField(id: "code", label: "短信验证码", isRequired: true,
                      control: .text(TextField("", maxLength: codeDigits, filter: .digits), width: codeDigits + 2)),
            FormField(id: "login", control: .button("登录")),
        ]
        if let (text, style) = status { fields.append(FormField(id: "status", control: .note(text, style: style))) }
        fields.append(FormField(id: "back", control: .button("返回")))
        return Form(fields)
    }

    public var title: String { method.label }
    public var hasInput: Bool { !form.value("phone").isEmpty || !form.value("code").isEmpty }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        let phone = form.value("phone")
        switch event {
        case .pressed("send"):
            guard !phone.isEmpty else { form.show(problems: [("phone", "请输入手机号")]); return (event, nil) }
            return (event, .send(phone: phone))
        case .pressed("back"): return (event, .back)
        case .pressed("login"), .submitted:
            var problems: [(field: String, message: String)] = []
            if phone.isEmpty { problems.append(("phone", "请输入手机号")) }
            if form.value("code").count != codeDigits { problems.append(("code", "请输入短信中的 \(codeDigits) 位验证码")) }
            form.show(problems: problems)
            return (event, problems.isEmpty ? .logIn(phone: phone, code: form.value("code")) : nil)
        default: return (event, nil)
        }
    }

    /// A code went out: say where (masked), and move on to the code.
    mutating func sent(to phone: String, resendAt: Int64, expiresAt: Int64, now: Int64) {
        sentTo = phone
        self.resendAt = resendAt
        let minutes = max(1, (expiresAt - now) / 60_000_000)
        rebuild(status: ("验证码已发送至 \(PrivacyMask.phoneNumber(phone))，\(minutes) 分钟内有效。", .success), now: now, focus: "code")
    }

    /// A refusal, at the field it concerns; a wrong code is cleared, the number stays.
    mutating func refused(_ message: String, field: String, now: Int64) {
        rebuild(status: nil, now: now, focus: field, keepCode: false)
        form.show(problems: [(field, message)])
    }

    /// The clock: the resend button counts down, keeping what was typed and the focus.
    mutating func tick(now: Int64) {
        guard resendAt > 0 else { return }
        let label = form.fields.first { $0.id == "send" }?.shownValue
        var probe = self
        probe.rebuild(status: currentStatus, now: now, focus: nil)
        if probe.form.fields.first(where: { $0.id == "send" })?.shownValue != label { self = probe }
    }

    private var currentStatus: (String, Style)? {
        guard case .note(let text, let style)? = form.fields.first(where: { $0.id == "status" })?.control else { return nil }
        return (text, style)
    }

    private mutating func rebuild(status: (String, Style)?, now: Int64, focus: String?, keepCode: Bool = true) {
        let code = form.value("code")
        let focused = focus ?? form.focusedField?.id
        let problems = form.fields.compactMap { field in field.problem.map { (field.id, $0) } }
        form = build(phone: form.value("phone"), status: status, now: now)
        if keepCode { _ = form.setValue(code, for: "code") }
        if focus == nil { form.show(problems: problems) }
        if let focused, form.index(of: focused) != nil { form.focus(on: focused) }
    }

    public var hints: [KeyHint] {
        [KeyHint("Tab", "下一项"), KeyHint("Enter", "确定"), KeyHint("Esc", "返回"), .help, .quit]
    }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
