/// The receipt a clerk hands the applicant (issue 12): 办事编号, the applicant with a
/// masked ID, status, pickup, the branch and its address, what happens next, the clerk
/// and the time. Plain rows, so that the screen, a PDF and a printer give the same text.
public struct Receipt: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public var title: String
    public var rows: [Row]
    public var nextSteps: String

    /// A branch whose address the reference data does not give is named with where its
    /// address can be found, rather than with an address nobody checked.
    public static let addressUnknown = "以合作银行公布的网点地址为准"

    public init(title: String, rows: [Row], nextSteps: String) {
        self.title = title
        self.rows = rows
        self.nextSteps = nextSteps
    }

    public init(application: Application, person: PersonRecord, pickupLabel: String, branch: Branch?,
                nextSteps: String, clerk: String, printedAt: Int64) {
        title = "北京市第三代社会保障卡申领回执"
        var rows = [
            Row("办事编号", application.id),
            Row("申请人", "\(person.name)  \(PrivacyMask.identityNumber(person.documentNumber))"),
            Row("办卡状态", application.status.rawValue),
            Row("领卡方式", pickupLabel),
            Row("办卡银行", [application.form.bank, application.form.branch].compactMap { $0 }.joined(separator: "  ")),
        ]
        if application.form.pickupMethod == .branchPickup || branch?.address != nil {
            rows.append(Row("网点地址", branch?.address ?? Self.addressUnknown))
        }
        if application.form.pickupMethod == .bankMail, let mail = application.form.mailing {
            rows.append(Row("收件人", "\(mail.recipientName)  \(PrivacyMask.phoneNumber(mail.recipientPhone))"))
            rows.append(Row("邮寄地址", mail.address))
        }
        if let submitted = application.timeline.first {
            rows.append(Row("提交时间", BeijingTime.dateTime(microseconds: submitted.at)))
        }
        rows.append(Row("办理渠道", application.channel.label))
        rows.append(Row("经办人", clerk))
        rows.append(Row("打印时间", BeijingTime.dateTime(microseconds: printedAt)))
        self.rows = rows
        self.nextSteps = nextSteps
    }
}
