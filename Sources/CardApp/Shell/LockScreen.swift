import CardDomain
import TerminalUI

/// A staff session left idle: the page (a person's whole ID and phone, perhaps) is hidden
/// and the clerk's password is asked again. The work underneath is kept as it was.
public struct LockScreen: Equatable, Sendable {
    public let username: String
    /// Asked after a wrong try, as at login (D10).
    public let captcha: Captcha?
    public private(set) var form: Form

    init(username: String, problem: (field: String, message: String)? = nil, captcha: Captcha? = nil) {
        self.username = username
        self.captcha = captcha
        var fields = [FormField(id: "password", label: "密码", isRequired: true,
                                control: .text(TextField("", maxLength: 64, filter: .ascii, isSecret: true), width: 24))]
        if let captcha { fields += captcha.formFields }
        fields.append(FormField(id: "unlock", control: .button("解锁")))
        form = Form(fields)
        if let problem { form.show(problems: [problem]) }
    }

    /// The typed password and captcha when Enter submits them.
    mutating func handle(_ key: Key) -> (password: String, captcha: String)? {
        switch form.handle(key) {
        case .submitted, .pressed("unlock"): return (form.value("password"), form.value("captcha"))
        default: return nil
        }
    }

    func draw(on canvas: inout Canvas) {
        let box = Rect(row: 3, column: 6, width: canvas.width - 12, height: captcha == nil ? 11 : 18)
        canvas.box(box, style: .accent)
        canvas.writeCentred("屏幕已锁定", row: box.row + 1, in: box, style: .title)
        canvas.write("工作人员 \(username) 长时间未操作，为保护办事人的信息，屏幕已隐藏。", row: box.row + 3,
                     column: box.column + 2, limit: box.width - 4)
        canvas.write("请输入密码解锁；未完成的工作都还在。F10 退出登录。", row: box.row + 4, column: box.column + 2,
                     limit: box.width - 4)
        var form = form
        form.draw(on: &canvas, in: Rect(row: box.row + 6, column: box.column + 2, width: box.width - 4, height: box.height - 7))
    }
}
