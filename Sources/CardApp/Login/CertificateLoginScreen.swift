import CardDomain
import TerminalUI

/// 证书登录 (units): the folder that holds the unit's certificate and its encrypted key
/// (the stand-in for the USB key), and the 证书密码. The folder stays through every
/// refusal; the password is cleared.
public struct CertificateLoginScreen: AppScreen, Equatable, Sendable {
    public struct Submission: Equatable, Sendable {
        public var folder: String
        public var password: String
    }

    public let group: ChannelProfile.LoginGroup
    public let method: ChannelProfile.LoginMethod
    public private(set) var form: Form

    init(group: ChannelProfile.LoginGroup, method: ChannelProfile.LoginMethod, folder: String = "") {
        self.group = group
        self.method = method
        form = Form([
            FormField(id: "how", control: .note("请插入单位数字证书：填写证书所在的文件夹（含证书和加密的密钥），再输入证书密码。", style: .normal)),
            FormField(id: "folder", label: "证书文件夹", isRequired: true, control: .text(TextField(folder, maxLength: 200), width: 40)),
            FormField(id: "choose", control: .button("插入证书（选择证书文件）")),
            FormField(id: "password", label: "证书密码", isRequired: true,
                      control: .text(TextField("", maxLength: 64, isSecret: true), width: 24)),
            FormField(id: "login", control: .button("登录")),
            FormField(id: "back", control: .button("返回")),
        ])
        if !folder.isEmpty { form.focus(on: "password") }
    }

    public var title: String { method.label }

    public enum Action: Equatable, Sendable {
        case logIn(Submission)
        /// Open the file picker on the certificate's folder (the USB key).
        case choose
        case back
    }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("back"): return (event, .back)
        case .pressed("choose"): return (event, .choose)
        case .pressed("login"), .submitted:
            var problems: [(field: String, message: String)] = []
            let folder = TextLayout.trimmed(form.value("folder"))
            if folder.isEmpty { problems.append(("folder", "请填写证书所在的文件夹")) }
            if form.value("password").isEmpty { problems.append(("password", "请输入证书密码")) }
            form.show(problems: problems)
            return (event, problems.isEmpty ? .logIn(Submission(folder: folder, password: form.value("password"))) : nil)
        default: return (event, nil)
        }
    }

    /// The picker chose the certificate in `folder`: the password is next.
    mutating func chose(folder: String) {
        _ = form.setValue(folder, for: "folder")
        form.focus(on: "password")
    }

    /// A refusal at the field it concerns: the folder stays, the password is cleared.
    mutating func refused(_ message: String, field: String) {
        self = CertificateLoginScreen(group: group, method: method, folder: form.value("folder"))
        form.show(problems: [(field, message)])
    }

    public var hints: [KeyHint] {
        [KeyHint("Tab", "下一项"), KeyHint("Enter", "登录"), KeyHint("Esc", "返回"), .help, .quit]
    }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
