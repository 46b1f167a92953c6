import CardDomain
import CardStore
import TerminalUI

/// One person's detail for a clerk, after the look-up (the view is in the journal): the
/// whole numbers to check against the ID card in hand, eligibility, and what to do; its
/// 变更记录 (imports, account, applications) read from the journal when asked.
public struct PersonDetailScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        case apply
        case progress
        case receipt(String)
        case history
        case back
    }

    public let person: PersonRecord
    public private(set) var form: Form

    /// A retiree's 代办 is the retiree application; an employee's, their confirmation (D1, D17).
    init(person: PersonRecord, state: CardState, reference: ReferenceData, today: CalendarDate, profile: ChannelProfile,
         history: [PersonHistory.Entry]? = nil) {
        let employed = person.status == .employed
        self.person = person
        var fields: [FormField] = [
            FormField(id: "name", label: "姓名", control: .readOnly(person.name, note: "请与申请人出示的身份证核对")),
            FormField(id: "number", label: "证件号码", control: .readOnly(person.documentNumber, note: "")),
            FormField(id: "validity", label: "证件有效期限", control: .readOnly("\(person.validityStart) 至 \(person.validity.label)", note: "")),
            FormField(id: "mobile", label: "卡预留手机号", control: .readOnly(person.mobile ?? "（无）", note: "")),
            FormField(id: "status", label: "参保状态", control: .readOnly(person.status.rawValue, note: "")),
        ]
        if employed {
            let unit = person.unitNumber.flatMap { state.units[$0] }
            fields.append(FormField(id: "unit", label: "参保单位", control: .readOnly(unit.map { "\($0.name)（\($0.number)）" } ?? "（无）", note: "")))
        } else {
            fields.append(FormField(id: "bank", label: "养老金代发行",
                                    control: .readOnly("\(person.pensionBank ?? "（无）")  \(person.pensionBranch ?? "")", note: "")))
        }
        let refusals = employed ? EmployeeEligibility.check(person, in: state, today: today, entersRenewedStart: true)
            : Eligibility.check(person, in: state, today: today)
        let eligibility = refusals.isEmpty ? (employed ? "单位已开通集体申请，可以确认个人信息" : "可以申领")
            : refusals.map(\.staffMessage).joined(separator: "\n")
        fields.append(FormField(id: "eligibility", label: "资格校验",
                                control: .note(eligibility,
                                               style: refusals.isEmpty ? .success : .warning)))
        if refusals.isEmpty {
            fields.append(FormField(id: "apply", control: .button(employed ? profile.employee.entryButton : profile.retiree.entryButton)))
        }
        let latest = state.applications(ofPerson: person.documentNumber).max { $0.id < $1.id }
        if let latest {
            fields.append(FormField(id: "progress", control: .button("查看办事进度")))
            fields.append(FormField(id: "receipt-" + latest.id, control: .button("打印回执（\(latest.id)）")))
        }
        if let history {
            let lines = history.suffix(12).map { "\(BeijingTime.dateTime(microseconds: $0.at))  \($0.what)  \($0.actor)" }
            let earlier = history.count > 12 ? ["（更早的 \(history.count - 12) 条见 sscard journal dump）"] : []
            fields.append(FormField(id: "history", label: "变更记录",
                                    control: .note((earlier + lines).isEmpty ? "（无）" : (earlier + lines).joined(separator: "\n"), style: .normal)))
        } else {
            fields.append(FormField(id: "show-history", control: .button("变更记录")))
        }
        fields.append(FormField(id: "back", control: .button("返回查询")))
        form = Form(fields)
        if history != nil { form.focus(on: "back") }
    }

    public var title: String { "人员信息：\(person.name)" }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("apply"): return (event, .apply)
        case .pressed("progress"): return (event, .progress)
        case .pressed(let id) where id.hasPrefix("receipt-"): return (event, .receipt(String(id.dropFirst(8))))
        case .pressed("show-history"): return (event, .history)
        case .pressed("back"), .submitted: return (event, .back)
        default: return (event, nil)
        }
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "下一项"), KeyHint("Enter", "确定"), KeyHint("Esc", "返回查询"), .help, .logout] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
