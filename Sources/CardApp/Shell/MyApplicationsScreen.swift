import CardDomain
import TerminalUI

/// 个人中心 > 我的办事: the person's applications, the chosen one's status and its whole
/// timeline (time, status, channel, who), any reason it was sent back, the tracking number,
/// and an unfinished draft to go on with.
public struct MyApplicationsScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case resumeDraft
        case correct(String)
        case back
    }

    public let personNumber: String
    public private(set) var form: Form
    private let ownerTitle: String

    init(person: PersonRecord, state: CardState, viewer: Role) {
        personNumber = person.documentNumber
        ownerTitle = viewer == .person ? "我的办事" : "办事进度：\(person.name)"
        let applications = state.applications(ofPerson: person.documentNumber).sorted { $0.id > $1.id }
        var fields: [FormField] = []
        if let draft = state.draft(of: person.documentNumber) {
            fields.append(FormField(id: "draft", label: "未提交的申请",
                                    control: .readOnly("草稿（\(draft.channel.label)，\(BeijingTime.dateTime(microseconds: draft.savedAt)) 保存）", note: "")))
            fields.append(FormField(id: "resume", control: .button("继续办理")))
        }
        let unit = person.unitNumber.flatMap { state.units[$0] }
        if person.status == .employed, unit?.collective?.opened == true, !applications.contains(where: { $0.kind == .unit }) {
            // D13: an employee of a unit that opened is 待确认 until they confirm.
            fields.append(FormField(id: "awaiting", label: "办卡状态",
                                    control: .readOnly(ApplicationStatus.awaitingConfirmation.rawValue,
                                                       note: "\(unit?.name ?? "")已开通集体申请，请确认个人信息")))
        } else if applications.isEmpty {
            fields.append(FormField(id: "none", control: .note("还没有已提交的申请。", style: .muted)))
        }
        for application in applications {
            fields.append(FormField(id: "app-" + application.id, label: "办事编号",
                                    control: .readOnly(application.id, note: "状态：\(application.status.rawValue)")))
            for (index, entry) in application.timeline.enumerated() {
                var line = "\(BeijingTime.dateTime(microseconds: entry.at))  \(TextLayout.pad(entry.status.rawValue, to: 14))"
                    + "\(entry.channel.label)  \(Self.who(entry, application))"
                if let reason = entry.reason { line += "\n    原因：\(reason)" }
                if let tracking = entry.trackingNumber { line += "\n    邮寄单号：\(tracking)" }
                fields.append(FormField(id: "event-\(application.id)-\(index)", control: .note(line, style: .normal)))
            }
            if application.status.isSentBack, viewer == .person || viewer == .counterClerk {
                let label = application.status == .photoRejected ? "更换照片并重新提交" : "修改信息并重新提交"
                fields.append(FormField(id: "correct-" + application.id, control: .button(label)))
            }
        }
        fields.append(FormField(id: "back", control: .button("返回首页")))
        form = Form(fields)
    }

    /// "本人", "窗口代办 guitai01", "后台 houtai01".
    static func who(_ entry: Application.TimelineEntry, _ application: Application) -> String {
        switch entry.role {
        case .person: return "本人"
        case .counterClerk: return "窗口代办 \(entry.actor)"
        case .backOffice: return "后台 \(entry.actor)"
        case .unitOperator: return "单位经办人 \(entry.actor)"
        case .administrator: return "管理员 \(entry.actor)"
        }
    }

    public var title: String { ownerTitle }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("resume"): return (event, .resumeDraft)
        case .pressed(let id) where id.hasPrefix("correct-"): return (event, .correct(String(id.dropFirst(8))))
        case .pressed("back"), .submitted: return (event, .back)
        default: return (event, nil)
        }
    }

    public var hints: [KeyHint] { [KeyHint("方向键", "滚动"), KeyHint("Enter", "确定"), KeyHint("Esc", "返回"), .help, .logout] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
