import CardDomain
import TerminalUI

/// One applicant's way through one of the channel's flows: a retiree's application (flow
/// R, DOMAIN.md A.8) or an employee's confirmation (flow E, A.6). The steps, fields, labels
/// and buttons are the channel's data; the applicant's terms say which pickup methods, bank
/// and branch they may have. A field with a condition shows only while it holds (the mail
/// fields while 银行邮寄 is chosen), and a step left with no field is skipped. In the
/// elder-friendly layout a long step is split into pages of a few fields each.
public struct ApplicantFlow: Equatable, Sendable {
    public let profile: ChannelProfile
    public let kind: Application.Kind
    public let terms: ApplicantTerms
    public let person: PersonRecord
    public var form: ApplicationForm
    /// The step on screen, an index into the flow's steps.
    public var step: Int
    /// The page of that step (always 0 unless the step is split).
    public var page: Int
    /// At most this many fields on a page; nil shows each step whole.
    public let fieldsPerPage: Int?
    /// Set when the applicant corrects an application sent back (照片审核未通过).
    public var correcting: String?
    /// 访问授权 was ticked before the eligibility check (京通, counter).
    public var authorised = false
    /// What the ID-card reader read, for a channel that echoes it (民生一卡通, D9).
    public var reading: IDCardReading?
    /// Why the applicant is here again (the unit changed its setting, D15), shown on the first page.
    public var notice: String?

    public init(profile: ChannelProfile, kind: Application.Kind = .personal, terms: ApplicantTerms? = nil,
                person: PersonRecord, form: ApplicationForm? = nil, step: Int = 0,
                fieldsPerPage: Int? = nil, correcting: String? = nil) {
        self.profile = profile
        self.kind = kind
        let terms = terms ?? .retiree(person)
        self.terms = terms
        self.person = person
        self.form = form ?? ApplicantFlow.initialForm(for: person, profile: profile, kind: kind, terms: terms)
        self.step = min(max(0, step), profile.flow(kind).steps.count - 1)
        page = 0
        self.fieldsPerPage = fieldsPerPage
        self.correcting = correcting
    }

    /// What the form starts with: the records' values, 职业 离退休人员 for a retiree (BR-OCC-1),
    /// the first pickup option this applicant may take, the terms' bank and branch, and the
    /// mail going to the person at home.
    public static func initialForm(for person: PersonRecord, profile: ChannelProfile, kind: Application.Kind,
                                   terms: ApplicantTerms) -> ApplicationForm {
        let mailing = MailingDetails(recipientName: person.name, recipientPhone: person.mobile ?? "",
                                     district: person.residenceDistrict, postalCode: nil, address: person.residenceAddress)
        return ApplicationForm(validityStart: person.validityStart, ethnicGroup: person.ethnicGroup,
                               occupation: kind == .personal ? Occupation.retiredCode : nil,
                               residenceDistrict: person.residenceDistrict,
                               residenceAddress: person.residenceAddress, mobile: person.mobile,
                               bank: terms.bank, branch: terms.branch,
                               pickupMethod: terms.pickupOptions(in: profile.flow(kind)).first?.method, mailing: mailing)
    }

    /// The channel's flow this applicant goes through.
    public var definition: ChannelProfile.Flow { profile.flow(kind) }
    public var steps: [ChannelProfile.Step] { definition.steps }

    /// Whether the channel echoes the card through the reader (its 身份识别 has 证件有效期).
    public var echoesIDCard: Bool { steps.contains { $0.fields.contains("validity") } }
    public var currentStep: ChannelProfile.Step { steps[step] }

    // MARK: Conditions

    /// The fields whose value decides whether another field shows.
    public var conditionDrivers: Set<String> { Set((profile.conditions ?? [:]).values.map(\.field)) }

    /// Whether `field` shows for the answers so far.
    public func isShown(_ field: String) -> Bool {
        guard let condition = profile.condition(of: field) else { return true }
        return condition.holds(for: value(of: condition.field))
    }

    /// The answer a condition may look at.
    func value(of field: String) -> String? {
        switch field {
        case "pickupMethod": return form.pickupMethod?.rawValue
        case "residenceDistrict": return form.residenceDistrict
        case "occupation": return form.occupation
        default: return nil
        }
    }

    /// The step's fields that show now.
    public func visibleFields(of index: Int) -> [String] { steps[index].fields.filter(isShown) }

    /// The steps that have something to show, in order.
    public var visibleSteps: [Int] { steps.indices.filter { !visibleFields(of: $0).isEmpty } }

    // MARK: Pages

    /// The step's visible fields split into pages. The summary of everything entered is a
    /// page of its own, so that all of it shows at once before the pledge.
    func pages(of index: Int) -> [[String]] {
        let fields = visibleFields(of: index)
        guard let summary = fields.firstIndex(of: "summary") else { return split(fields) }
        let before = Array(fields[..<summary])
        let after = Array(fields[(summary + 1)...])
        return (before.isEmpty ? [] : split(before)) + [["summary"]] + (after.isEmpty ? [] : split(after))
    }

    private func split(_ fields: [String]) -> [[String]] {
        guard let size = fieldsPerPage, size > 0, fields.count > size else { return [fields] }
        return stride(from: 0, to: fields.count, by: size).map { Array(fields[$0..<min($0 + size, fields.count)]) }
    }

    /// The field ids on screen now.
    public var pageFields: [String] {
        let pages = pages(of: step)
        return pages.isEmpty ? [] : pages[min(page, pages.count - 1)]
    }
    public var isLastPageOfStep: Bool { page >= pages(of: step).count - 1 }
    public var isLastStep: Bool { visibleSteps.last.map { step >= $0 } ?? true }
    public var isFirstPage: Bool { page == 0 && (visibleSteps.first.map { step <= $0 } ?? true) }

    /// The step with an eligibility check (京通, counter): passing it needs 访问授权 and D4.
    public var isEligibilityStep: Bool { currentStep.fields.contains("accessAuthorisation") }

    /// "第 2 步 / 共 6 步：核对基本信息", with the page when the step is split; only the
    /// steps this applicant will see are counted.
    public var heading: String {
        let count = pages(of: step).count
        let pageNote = count > 1 ? "（\(min(page, count - 1) + 1)/\(count)）" : ""
        let shown = visibleSteps
        let position = (shown.firstIndex(of: step) ?? step) + 1
        return "第 \(position) 步 / 共 \(shown.count) 步：\(currentStep.title)\(pageNote)"
    }

    /// "1 上传照片 > [2 补录信息] > 3 领卡方式 > 4 确认提交"; when that is wider than
    /// `columns`, the other steps' titles are shortened to their first two characters ("1 资格 >
    /// [2 核对基本信息] > 3 补充 …"), and only when even that does not fit do they become
    /// numbers alone.
    public func trail(fitting columns: Int = 72) -> String {
        let shown = visibleSteps
        // Two characters keep a Chinese step's sense (补充, 领卡, 上传, 确认); three cut words.
        for keep in [Int.max, 2] {
            let line = trail(shown, keeping: keep)
            if DisplayWidth.columns(of: line) <= columns { return line }
        }
        return trail(shown, keeping: 0)
    }

    /// The trail with every step but the current one cut to its first `keep` characters.
    private func trail(_ shown: [Int], keeping keep: Int) -> String {
        shown.enumerated().map { position, index in
            if index == step { return "[\(position + 1) \(steps[index].title)]" }
            return keep == 0 ? "\(position + 1)" : "\(position + 1) \(steps[index].title.prefix(keep))"
        }.joined(separator: " > ")
    }

    /// The button that ends this page: the step's own wording on its last page.
    public var nextButton: String { isLastPageOfStep ? currentStep.nextButton : "下一页" }

    /// Moves to the next page or visible step; false after the last.
    public mutating func advance() -> Bool {
        if !isLastPageOfStep { page += 1; return true }
        guard let next = visibleSteps.first(where: { $0 > step }) else { return false }
        step = next
        page = 0
        return true
    }

    /// Moves back a page or a visible step; false before the first.
    public mutating func goBack() -> Bool {
        if page > 0 { page -= 1; return true }
        guard let previous = visibleSteps.last(where: { $0 < step }) else { return false }
        step = previous
        page = pages(of: step).count - 1
        return true
    }

    // MARK: Eligibility and resuming

    /// What stops this person going through this flow now: D4 for a retiree, D13–D17 for an
    /// employee. An expired ID does not, where the channel asks for the renewed card's start date.
    public func refusals(in state: CardState, today: CalendarDate) -> [Eligibility.Refusal] {
        let asksRenewedStart = steps.contains { $0.fields.contains("validityStart") }
        switch kind {
        case .personal: return Eligibility.blocking(for: person, in: state, today: today, entersRenewedStart: asksRenewedStart)
        case .unit: return EmployeeEligibility.check(person, in: state, today: today, entersRenewedStart: asksRenewedStart)
        }
    }

    /// The first step that asks for a photo: where a correction after 照片审核未通过 starts.
    public var firstPhotoStep: Int {
        steps.firstIndex { !Set($0.fields).isDisjoint(with: ["cardPhoto", "idCardFront", "idCardBack"]) } ?? 0
    }

    /// The step to resume at after `completed`, the id a draft recorded.
    public func step(after completed: String) -> Int? {
        guard let index = steps.firstIndex(where: { $0.id == completed }) else { return nil }
        return visibleSteps.first { $0 > index } ?? index
    }
}
