import CardDomain
import TerminalUI

/// The back office's list: applications in one status (D3), oldest first, with numbers
/// masked. Enter opens one to move it along.
public struct QueueScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case open(String)
        case filter(ApplicationStatus)
    }

    public let status: ApplicationStatus
    public private(set) var form: Form

    /// The statuses back office works on, in the order of D3.
    static let statuses: [ApplicationStatus] = [.submitted, .inProduction, .produced, .awaitingPickup, .mailed,
                                                .collected, .photoRejected, .accountOpeningFailed, .productionFailed]

    public init(status: ApplicationStatus, state: CardState) {
        self.status = status
        let counts = Self.statuses.map { ChoiceOption(id: $0.rawValue, label: "\($0.rawValue)（\(state.applications(in: $0).count)）") }
        var fields: [FormField] = [
            FormField(id: "status", label: "办卡状态", control: .select(SelectList(counts, selectedID: status.rawValue),
                                                                  chosen: status.rawValue, width: 24)),
        ]
        let applications = state.applications(in: status)
        if applications.isEmpty {
            fields.append(FormField(id: "none", control: .note("没有处于「\(status.rawValue)」的申请。", style: .muted)))
        } else {
            let options = applications.map { application in
                let name = state.person(application.personNumber)?.name ?? ""
                let latest = application.timeline.last.map { BeijingTime.dateTime(microseconds: $0.at) } ?? ""
                return ChoiceOption(id: application.id,
                                    label: "\(application.id)  \(TextLayout.pad(name, to: 6)) \(PrivacyMask.identityNumber(application.personNumber))",
                                    detail: "\(application.channel.label)  \(latest)")
            }
            fields.append(FormField(id: "applications", label: "申请", control: .radio(RadioGroup(options, asMenu: true))))
        }
        form = Form(fields)
        if !applications.isEmpty { form.focus(on: "applications") }
    }

    public var title: String { "按状态查看申请" }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let focusedID = form.focusedField?.id
        let event = form.handle(key)
        if let chosen = ApplicationStatus(rawValue: form.value("status")), chosen != status { return (event, .filter(chosen)) }
        if event == .submitted, focusedID == "applications" { return (event, .open(form.value("applications"))) }
        return (event, nil)
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "状态/列表"), KeyHint("Enter", "打开"), KeyHint("Esc", "返回首页"), .help, .logout] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
