import CardDomain
import TerminalUI

/// One application for the back office: who, what was asked for, its timeline, and the
/// moves D3 allows from here (制卡中, 已寄出 with a tracking number, 照片审核未通过 with
/// a reason...). The domain checks the move again when it is made.
public struct ReviewScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case move(to: ApplicationStatus, reason: String, trackingNumber: String)
        case back
    }

    public let applicationID: String
    public let returnTo: ApplicationStatus
    /// The search the list showed, to go back to it.
    public let returnQuery: String
    public private(set) var form: Form

    init(application: Application, person: PersonRecord?, returnTo: ApplicationStatus, returnQuery: String = "") {
        applicationID = application.id
        self.returnTo = returnTo
        self.returnQuery = returnQuery
        let pickup = application.form.pickupMethod
        var fields: [FormField] = [
            FormField(id: "id", label: "办事编号", control: .readOnly(application.id, note: "状态：\(application.status.rawValue)")),
            FormField(id: "person", label: "申请人", control: .readOnly(
                "\(person?.name ?? "")  \(PrivacyMask.identityNumber(application.personNumber))", note: application.channel.label)),
            FormField(id: "bank", label: "办卡银行", control: .readOnly("\(application.form.bank ?? "")  \(application.form.branch ?? "")", note: "")),
            FormField(id: "pickup", label: "领卡方式", control: .readOnly(pickup == .bankMail ? "银行邮寄" : pickup == .branchPickup ? "网点领取" : "单位代领", note: "")),
        ]
        if let photo = application.form.cardPhoto {
            fields.append(FormField(id: "photo", label: "制卡照片", control: .readOnly("\(photo.size) \(photo.format.rawValue)", note: "SHA-256 \(photo.sha256.prefix(12))...")))
        }
        // The whole timeline, with reasons and the tracking number, as the applicant sees it.
        let history = application.timeline.map { entry -> String in
            var line = "\(BeijingTime.dateTime(microseconds: entry.at))  \(TextLayout.pad(entry.status.rawValue, to: 14))"
                + "\(entry.channel.label)  \(MyApplicationsScreen.who(entry, application))"
            // On lines of their own, so that nothing is cut at the right edge.
            if let reason = entry.reason { line += "\n  原因：\(reason)" }
            if let tracking = entry.trackingNumber { line += "\n  邮寄单号：\(tracking)" }
            return line
        }
        fields.append(FormField(id: "timeline", label: "办理记录", control: .note(history.joined(separator: "\n"), style: .normal)))
        let moves = Self.moves(from: application)
        if moves.isEmpty {
            fields.append(FormField(id: "none", control: .note("该申请在「\(application.status.rawValue)」状态下没有可由后台办理的操作。", style: .muted)))
        } else {
            let options = moves.map { ChoiceOption(id: $0.rawValue, label: $0.rawValue) }
            fields.append(FormField(id: "target", label: "改为", isRequired: true, control: .radio(RadioGroup(options))))
            fields.append(FormField(id: "reason", label: "原因", control: .text(TextField("", maxLength: 60), width: 40)))
            if moves.contains(.mailed) {
                fields.append(FormField(id: "tracking", label: "邮寄单号", control: .text(TextField("", maxLength: 30, filter: .ascii), width: 24)))
            }
            fields.append(FormField(id: "confirm", control: .button("确定")))
        }
        fields.append(FormField(id: "back", control: .button("返回列表")))
        form = Form(fields)
    }

    /// Where back office may move this application now (D3), given how the card is picked up.
    static func moves(from application: Application) -> [ApplicationStatus] {
        ApplicationStatus.allCases.filter { target in
            guard application.status.rolesAllowed(to: target).contains(.backOffice) else { return false }
            if target == .mailed { return application.form.pickupMethod == .bankMail }
            if target == .awaitingPickup { return application.form.pickupMethod != .bankMail }
            return true
        }
    }

    public var title: String { "推进办卡状态" }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("back"): return (event, .back)
        case .pressed("confirm"), .submitted:
            guard let target = ApplicationStatus(rawValue: form.value("target")) else { return (event, nil) }
            return (event, .move(to: target, reason: form.value("reason"), trackingNumber: form.value("tracking")))
        default: return (event, nil)
        }
    }

    /// Shows the domain's refusal beside the field it names.
    mutating func show(problems: [FieldProblem]) {
        let ids = ["原因": "reason", "邮寄单号": "tracking"]
        form.show(problems: problems.map { (ids[$0.field] ?? $0.field, $0.message) })
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "下一项"), KeyHint("Enter", "确定"), KeyHint("Esc", "返回列表"), .help, .logout] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
