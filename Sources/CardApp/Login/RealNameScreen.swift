import CardDomain
import TerminalUI

/// 实名认证 at a person's first login on a channel that asks it (民生一卡通): 姓名 and
/// 身份证号 must match the records of the person who logged in, then the face check goes
/// through the identity port as a one-time code, like a platform login.
public struct RealNameScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case check(name: String, idNumber: String)
        case startAgain
        case back
    }

    /// The face check's code, while it is shown.
    public struct FaceCheck: Equatable, Sendable {
        public let code: String
        public let codeHash: String
        public let expiresAt: Int64
        public let symbol: QRMatrix?
        public var refusal: String?
    }

    public let group: ChannelProfile.LoginGroup
    /// Who logged in, waiting for 实名认证 before the session starts.
    public let pending: Actor
    public let displayName: String
    public private(set) var face: FaceCheck?
    public private(set) var form: Form

    init(group: ChannelProfile.LoginGroup, pending: Actor, displayName: String) {
        self.group = group
        self.pending = pending
        self.displayName = displayName
        form = Form([
            FormField(id: "how", control: .note("首次在本渠道登录，需要实名认证：填写的姓名和身份证号须与登记信息一致，然后进行人脸核验。", style: .normal)),
            FormField(id: "name", label: "姓名", isRequired: true, control: .text(TextField("", maxLength: 30), width: 16)),
            FormField(id: "idNumber", label: "身份证号", isRequired: true,
                      control: .text(TextField("", maxLength: 18, filter: .identityNumber), width: 20)),
            FormField(id: "next", control: .button("下一步：人脸核验")),
            FormField(id: "back", control: .button("返回")),
        ])
    }

    public var title: String { "实名认证" }
    /// Shown only while the face check's code may still be scanned.
    public var symbol: QRMatrix? { face?.refusal == nil ? face?.symbol : nil }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("back"): return (event, .back)
        case .pressed("again"): return (event, .startAgain)
        case .pressed("next"), .submitted:
            guard face == nil else { return (event, nil) }
            var problems: [(field: String, message: String)] = []
            if TextLayout.trimmed(form.value("name")).isEmpty { problems.append(("name", "请填写姓名")) }
            if form.value("idNumber").count != 18 { problems.append(("idNumber", "请填写 18 位身份证号")) }
            form.show(problems: problems)
            return (event, problems.isEmpty ? .check(name: TextLayout.trimmed(form.value("name")), idNumber: form.value("idNumber")) : nil)
        default: return (event, nil)
        }
    }

    /// 姓名 or 身份证号 did not match: say so at the fields, keeping what was typed.
    mutating func mismatched(_ message: String) {
        form.show(problems: [("idNumber", message)])
    }

    /// The details matched: show the face check's code.
    mutating func showFace(code: String, expiresAt: Int64, now: Int64) {
        face = FaceCheck(code: code, codeHash: LoginCode.hash(code), expiresAt: expiresAt,
                         symbol: QRMatrix(encoding: CodeLoginScreen.scanText(code)), refusal: nil)
        update(now: now)
    }

    /// The port refused, or the code ran out.
    mutating func faceRefused(_ reason: String, now: Int64) {
        face?.refusal = reason
        update(now: now)
    }

    /// The face stage's page as of `now`, keeping the focus through the clock's ticks.
    mutating func update(now: Int64) {
        guard let face else { return }
        let left = max(0, (face.expiresAt - now) / 1_000_000)
        var fields = [
            FormField(id: "how", control: .note("请用手机扫码完成人脸核验，或在平台上输入下面的核验码；核验通过后自动登录。", style: .normal)),
            FormField(id: "code", label: "核验码", control: .readOnly(LoginCode.grouped(face.code), note: "一次有效")),
        ]
        if let refusal = face.refusal {
            fields.append(FormField(id: "status", control: .note("未通过实名认证：\(refusal)", style: .warning)))
            fields.append(FormField(id: "again", control: .button("重新人脸核验")))
        } else {
            fields.append(FormField(id: "left", label: "剩余时间", control: .readOnly("\(left / 60) 分 \(left % 60) 秒", note: "")))
            fields.append(FormField(id: "status", control: .note("正在等待人脸核验结果。", style: .muted)))
        }
        fields.append(FormField(id: "back", control: .button("返回")))
        let focused = form.focusedField?.id
        form = Form(fields)
        form.focusFirstField()
        if let focused, form.index(of: focused) != nil { form.focus(on: focused) }
    }

    public var hints: [KeyHint] {
        [KeyHint("Tab", "下一项"), KeyHint("Enter", "确定"), KeyHint("Esc", "返回"), .help, .quit]
    }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
