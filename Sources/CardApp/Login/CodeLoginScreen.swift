import CardDomain
import TerminalUI

/// A platform login (扫码登录, 人脸识别, 电子营业执照, 其他渠道, D10): the one-time code to
/// scan or give to the platform, how long it lasts, and what the identity port said. The
/// model follows the journal and logs in once the code is approved.
public struct CodeLoginScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case renew
        case useAccountLogin
        case back
    }

    public enum Status: Equatable, Sendable {
        case waiting
        case denied(String)
        case expired
    }

    public let group: ChannelProfile.LoginGroup
    public let method: ChannelProfile.LoginMethod
    /// The code itself lives only here, on screen; the journal has its hash.
    public let code: String
    public let codeHash: String
    public let expiresAt: Int64
    /// The code as a QR symbol ("SSCARD:" and the code), for the platform's app to scan.
    let qrSymbol: QRMatrix?
    public private(set) var status: Status = .waiting
    public private(set) var form: Form
    let instructions: String

    init(group: ChannelProfile.LoginGroup, method: ChannelProfile.LoginMethod, code: String, expiresAt: Int64,
         instructions: String, now: Int64) {
        self.group = group
        self.method = method
        self.code = code
        codeHash = LoginCode.hash(code)
        self.expiresAt = expiresAt
        qrSymbol = QRMatrix(encoding: Self.scanText(code))
        self.instructions = instructions
        form = Form([])
        form = build(now: now)
    }

    /// A method that identifies by face (京通's 人脸识别), not by scanning.
    var isFaceCheck: Bool { method.id.lowercased().contains("face") }

    /// What the QR symbol holds: upper case and digits, so it fits version 1 (21x21) at level M.
    public static func scanText(_ code: String) -> String { "SSCARD:" + code }

    private func build(now: Int64) -> Form {
        var fields = [
            // Short sentences, one a line, so none is broken inside a word beside the symbol;
            // a face check is not a scan, and says so.
            FormField(id: "how", control: .note("\(instructions)。", style: .normal)),
            FormField(id: "howNext", control: .note(isFaceCheck ? "请在手机上完成人脸识别，" : "请用平台扫码，", style: .normal)),
            FormField(id: "howCode", control: .note("也可在平台上输入下面的登录码。", style: .normal)),
            FormField(id: "howEnd", control: .note("确认后本终端自动登录。", style: .normal)),
            FormField(id: "code", label: "登录码", control: .readOnly(LoginCode.grouped(code), note: "一次有效")),
        ]
        switch status {
        case .waiting:
            let left = max(0, (expiresAt - now) / 1_000_000)
            fields.append(FormField(id: "left", label: "剩余时间", control: .readOnly("\(left / 60) 分 \(left % 60) 秒", note: "")))
            fields.append(FormField(id: "status", control: .note("正在等待身份认证平台确认。", style: .muted)))
        case .denied(let reason):
            fields.append(FormField(id: "status", control: .note("未能登录：\(reason)", style: .warning)))
            fields.append(FormField(id: "renew", control: .button("重新获取登录码")))
        case .expired:
            fields.append(FormField(id: "status", control: .note("登录码已过期，请重新获取。", style: .warning)))
            fields.append(FormField(id: "renew", control: .button("重新获取登录码")))
        }
        fields.append(FormField(id: "account", control: .button("改用账号登录")))
        fields.append(FormField(id: "back", control: .button("返回")))
        var form = Form(fields)
        form.focusFirstField()
        return form
    }

    public var title: String { method.label }
    /// Shown only while the code may still be scanned.
    public var symbol: QRMatrix? { status == .waiting ? qrSymbol : nil }

    /// The time left, or what the port said, as of `now`.
    /// Keeps the focus where it was: the clock ticks twice a second under the user's keys.
    mutating func update(_ status: Status, now: Int64) {
        self.status = status
        let focused = form.focusedField?.id
        form = build(now: now)
        if let focused, form.index(of: focused) != nil { form.focus(on: focused) }
    }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("renew"): return (event, .renew)
        case .pressed("account"): return (event, .useAccountLogin)
        case .pressed("back"): return (event, .back)
        default: return (event, nil)
        }
    }

    public var hints: [KeyHint] {
        [KeyHint("Enter", "确定"), KeyHint("Esc", "返回"), .help, .quit]
    }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
