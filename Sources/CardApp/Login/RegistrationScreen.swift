import CardDomain
import TerminalUI

/// 注册 and 忘记密码 on 个人登录's 账号登录 (D18): 姓名 and 身份证号, then the SMS code sent to
/// the 卡预留手机号 with the new password twice. The first step's answer is the same whoever
/// was typed, so the page never says who is in the records.
public struct RegistrationScreen: AppScreen, Equatable, Sendable {
    public enum Purpose: String, Equatable, Sendable {
        case register = "注册"
        case reset = "忘记密码"
    }

    public enum Action: Equatable, Sendable {
        case send(name: String, idNumber: String)
        case set(code: String, password: String)
        case back
    }

    public static let sentMessage = "如信息无误，验证码已发送至预留手机"

    public let purpose: Purpose
    /// The login page to go back to.
    public let login: AccountLoginScreen
    /// The 身份证号 typed in the first step, once it was taken.
    public private(set) var idNumber: String?
    /// Whose phone the code went to: in memory only, never shown.
    public private(set) var person: String?
    public private(set) var form: Form
    let codeDigits: Int

    init(purpose: Purpose, login: AccountLoginScreen, codeDigits: Int) {
        self.purpose = purpose
        self.login = login
        self.codeDigits = codeDigits
        form = Form([
            FormField(id: "how", control: .note("请填写与社保登记信息一致的姓名和身份证号，验证码将发送到您的社保卡预留手机号，"
                                                + "验证后设置登录密码。", style: .normal)),
            FormField(id: "name", label: "姓名", isRequired: true, control: .text(TextField("", maxLength: 30), width: 16)),
            FormField(id: "idNumber", label: "身份证号", isRequired: true,
                      control: .text(TextField("", maxLength: 18, filter: .identityNumber), width: 20)),
            FormField(id: "send", control: .button("获取验证码")),
            FormField(id: "back", control: .button("返回登录")),
        ])
    }

    public var title: String { purpose.rawValue }

    /// The code went out (or, for no one, did not): the same words either way.
    mutating func sent(idNumber: String, person: String?) {
        self.idNumber = idNumber
        self.person = person
        form = Form([
            FormField(id: "sent", control: .note(Self.sentMessage + "。新密码至少 \(PasswordRules.minimumLength) 位，含大写字母、小写字母、"
                                                 + "数字、符号中的至少三类，不能包含身份证号或手机号。", style: .success)),
            FormField(id: "code", label: "短信验证码", isRequired: true,
                      control: .text(TextField("", maxLength: codeDigits, filter: .digits), width: codeDigits + 2)),
            FormField(id: "newPassword", label: "新密码", isRequired: true,
                      control: .text(TextField("", maxLength: PasswordRules.maximumLength, filter: .ascii, isSecret: true), width: 24)),
            FormField(id: "repeatPassword", label: "再次输入新密码", isRequired: true,
                      control: .text(TextField("", maxLength: PasswordRules.maximumLength, filter: .ascii, isSecret: true), width: 24)),
            FormField(id: "set", control: .button("确认设置")),
            FormField(id: "back", control: .button("返回登录")),
        ])
    }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("back"): return (event, .back)
        case .pressed("send"), .submitted where idNumber == nil:
            var problems: [(field: String, message: String)] = []
            if TextLayout.trimmed(form.value("name")).isEmpty { problems.append(("name", "请填写姓名")) }
            if form.value("idNumber").count != 18 { problems.append(("idNumber", "请填写 18 位身份证号")) }
            form.show(problems: problems)
            return (event, problems.isEmpty ? .send(name: TextLayout.trimmed(form.value("name")), idNumber: form.value("idNumber").uppercased()) : nil)
        case .pressed("set"), .submitted:
            var problems: [(field: String, message: String)] = []
            if form.value("code").count != codeDigits { problems.append(("code", "请输入 \(codeDigits) 位短信验证码")) }
            if form.value("newPassword").isEmpty { problems.append(("newPassword", "请输入新密码")) }
            if form.value("repeatPassword") != form.value("newPassword") {
                problems.append(("repeatPassword", "两次输入的新密码不一致，请再输入一次"))
                form.setValue("", for: "repeatPassword")
            }
            form.show(problems: problems)
            return (event, problems.isEmpty ? .set(code: form.value("code"), password: form.value("newPassword")) : nil)
        default:
            return (event, nil)
        }
    }

    /// A refusal at its field; the passwords are cleared after a rule refused them, the code kept.
    mutating func refused(_ message: String, field: String) {
        if field == "newPassword" {
            form.setValue("", for: "newPassword")
            form.setValue("", for: "repeatPassword")
        }
        form.show(problems: [(field, message)])
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "下一项"), KeyHint("Enter", "确定"), KeyHint("Esc", "返回登录"), .help, .quit] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
