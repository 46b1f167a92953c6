import CardDomain
import CardWizards
import TerminalUI

/// 免责声明 before a retiree's application: the text, the channel's consent box
/// (【我同意】, 我已阅读并同意免责声明) and its button (【确定】, 【确定申领】).
public struct DisclaimerScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case proceed
    }

    public let flow: ApplicantFlow
    public private(set) var form: Form

    init(flow: ApplicantFlow, text: PolicyText?) {
        self.flow = flow
        let disclaimer = flow.definition.disclaimer
        let lines = text?.body ?? ["（免责声明文本未配置）"]
        form = Form([
            FormField(id: "text", control: .note(lines.joined(separator: "\n"), style: .normal)),
            FormField(id: "consent", isRequired: true, control: .checkbox(Checkbox(disclaimer.consent))),
            FormField(id: "proceed", control: .button(disclaimer.proceed)),
        ])
    }

    public var title: String { "\(flow.definition.entryButton)：免责声明" }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        guard event == .submitted || event == .pressed("proceed") else { return (event, nil) }
        guard form.value("consent") == "true" else {
            form.show(problems: [("consent", "请先勾选「\(flow.definition.disclaimer.consent)」")])
            return (event, nil)
        }
        return (event, .proceed)
    }

    public var hints: [KeyHint] {
        [KeyHint("Space", "勾选"), KeyHint("Enter", flow.definition.disclaimer.proceed), KeyHint("Esc", "返回首页"), .help, .logout]
    }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
