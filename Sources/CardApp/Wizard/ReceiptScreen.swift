import CardDomain
import TerminalUI

/// After a submission or a confirmation: the channel's success message (the web's
/// verbatim), and the receipt a clerk shows the applicant: 办事编号, status, pickup and
/// what happens next.
public struct ReceiptScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case myApplications
        case home
        case print
    }

    public let applicationID: String
    public let personNumber: String
    public private(set) var form: Form
    let heading: String

    /// `printable`: a staff session, at a desk with a printer, offers 打印回执.
    /// `essentialsOnly`: the elder layout shows what the applicant must keep and what
    /// happens next, so the buttons after them stay on the same screen; the rest is one
    /// press away under 查看办事进度.
    init(application: Application, person: PersonRecord, profile: ChannelProfile, message: String?, nextSteps: String,
         printable: Bool = false, essentialsOnly: Bool = false) {
        applicationID = application.id
        personNumber = application.personNumber
        // A short success message is the heading; a long one (the web's) the first line.
        let fitsHeading = message.map { DisplayWidth.columns(of: $0) <= 40 } ?? false
        heading = message == nil ? "回执" : (fitsHeading ? message! : "提交成功")
        var fields: [FormField] = []
        if let message, !fitsHeading {
            fields.append(FormField(id: "message", control: .note(message, style: .success)))
        }
        let pickup = application.form.pickupMethod
        let pickupLabel = profile.pickupLabel(pickup, kind: application.kind)
        func row(_ label: String, _ value: String) -> FormField {
            FormField(id: label, label: label, control: .readOnly(value, note: ""))
        }
        // What the applicant must keep comes first, then the details, then the buttons
        // that act on them, as on every other page.
        fields += [
            row("办事编号", application.id),
            row("申请人", "\(person.name)  \(PrivacyMask.identityNumber(person.documentNumber))"),
            row("办卡状态", application.status.rawValue),
            row("领卡方式", pickupLabel),
        ]
        fields.append(FormField(id: "next", label: "后续安排", control: .note(nextSteps, style: .normal)))
        if !essentialsOnly {
            fields.append(row("办理渠道", application.channel.label + (application.assistedBy.map { "（窗口代办：\($0)）" } ?? "")))
            fields.append(row("办卡银行", "\(application.form.bank ?? "")  \(application.form.branch ?? "")"))
            if pickup == .bankMail, let mail = application.form.mailing {
                fields.append(row("收件人", "\(mail.recipientName)  \(PrivacyMask.phoneNumber(mail.recipientPhone))"))
                fields.append(row("邮寄地址", mail.address))
            }
            // A confirmation counts from its latest change (D14); an application from its submission.
            let recorded = application.kind == .unit ? application.timeline.last { $0.status == .confirmed } : application.timeline.first
            if let recorded {
                fields.append(row(application.kind == .unit ? "确认时间" : "提交时间", BeijingTime.dateTime(microseconds: recorded.at)))
            }
        }
        if printable { fields.append(FormField(id: "print", control: .button("打印回执"))) }
        fields.append(FormField(id: "myApplications", control: .button("查看办事进度")))
        fields.append(FormField(id: "home", control: .button("返回首页")))
        form = Form(fields)
    }

    public var title: String { heading }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("myApplications"): return (event, .myApplications)
        case .pressed("print"): return (event, .print)
        case .pressed("home"), .submitted: return (event, .home)
        default: return (event, nil)
        }
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "下一项"), KeyHint("Enter", "确定"), KeyHint("Esc", "返回首页"), .help, .logout] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
