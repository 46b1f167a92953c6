import CardDomain
import TerminalUI

/// One retiree's application on its way through a channel's steps (flow R, DOMAIN.md A.8):
/// who applies, what has been entered, and where they are. The steps, their fields and
/// labels come from the channel's profile; in the elder-friendly layout a long step is
/// split into pages of a few fields each.
public struct RetireeFlow: Equatable, Sendable {
    public let profile: ChannelProfile
    public let person: PersonRecord
    public var form: ApplicationForm
    /// The step on screen, an index into the profile's retiree steps.
    public var step: Int
    /// The page of that step (always 0 unless the step is split).
    public var page: Int
    /// At most this many fields on a page; nil shows each step whole.
    let fieldsPerPage: Int?
    /// Set when the applicant corrects an application sent back (照片审核未通过).
    public var correcting: String?
    /// 访问授权 was ticked before the eligibility check (京通, counter).
    public var authorised = false
    /// What the ID-card reader read, for a channel that echoes it (民生一卡通, D9).
    public var reading: IDCardReading?

    public init(profile: ChannelProfile, person: PersonRecord, form: ApplicationForm? = nil, step: Int = 0,
                fieldsPerPage: Int? = nil, correcting: String? = nil) {
        self.profile = profile
        self.person = person
        self.form = form ?? RetireeFlow.initialForm(for: person, profile: profile)
        self.step = min(max(0, step), profile.retiree.steps.count - 1)
        page = 0
        self.fieldsPerPage = fieldsPerPage
        self.correcting = correcting
    }

    /// What the form starts with: the records' values, 职业 离退休人员 (BR-OCC-1), the
    /// channel's first pickup option, and the mail going to the person at home.
    public static func initialForm(for person: PersonRecord, profile: ChannelProfile) -> ApplicationForm {
        let mailing = MailingDetails(recipientName: person.name, recipientPhone: person.mobile ?? "",
                                     district: person.residenceDistrict, postalCode: nil, address: person.residenceAddress)
        return ApplicationForm(validityStart: person.validityStart, ethnicGroup: person.ethnicGroup,
                               occupation: Occupation.retiredCode, residenceDistrict: person.residenceDistrict,
                               residenceAddress: person.residenceAddress, mobile: person.mobile,
                               bank: person.pensionBank, branch: person.pensionBranch,
                               pickupMethod: profile.retiree.pickup.first?.method, mailing: mailing)
    }

    public var steps: [ChannelProfile.Step] { profile.retiree.steps }

    /// Whether the channel echoes the card through the reader (its 身份识别 has 证件有效期).
    public var echoesIDCard: Bool { steps.contains { $0.fields.contains("validity") } }
    public var currentStep: ChannelProfile.Step { steps[step] }

    /// The step's fields split into pages.
    /// The summary of everything entered is a page of its own, so that all of it shows
    /// at once before the pledge.
    func pages(of index: Int) -> [[String]] {
        let fields = steps[index].fields
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
    public var pageFields: [String] { pages(of: step)[min(page, pages(of: step).count - 1)] }
    public var isLastPageOfStep: Bool { page >= pages(of: step).count - 1 }
    public var isLastStep: Bool { step == steps.count - 1 }

    /// The step with an eligibility check (京通, counter): passing it needs 访问授权 and D4.
    public var isEligibilityStep: Bool { currentStep.fields.contains("accessAuthorisation") }

    /// "第 2 步 / 共 6 步：核对基本信息", with the page when the step is split.
    public var heading: String {
        let count = pages(of: step).count
        let pageNote = count > 1 ? "（\(page + 1)/\(count)）" : ""
        return "第 \(step + 1) 步 / 共 \(steps.count) 步：\(currentStep.title)\(pageNote)"
    }

    /// "1 上传照片 > [2 补录信息] > 3 领卡方式 > 4 确认提交"; when that is wider than
    /// `columns`, only the current step keeps its title: "1 > [2 核对基本信息] > 3 > 4".
    public func trail(fitting columns: Int = 72) -> String {
        let full = steps.enumerated().map { index, step in
            index == self.step ? "[\(index + 1) \(step.title)]" : "\(index + 1) \(step.title)"
        }.joined(separator: " > ")
        guard DisplayWidth.columns(of: full) > columns else { return full }
        return steps.indices.map { $0 == step ? "[\($0 + 1) \(steps[$0].title)]" : "\($0 + 1)" }.joined(separator: " > ")
    }

    /// The button that ends this page: the step's own wording on its last page.
    public var nextButton: String { isLastPageOfStep ? currentStep.nextButton : "下一页" }

    /// Moves to the next page or step; false after the last step.
    mutating func advance() -> Bool {
        if !isLastPageOfStep { page += 1; return true }
        guard !isLastStep else { return false }
        step += 1
        page = 0
        return true
    }

    /// Moves back a page or a step; false before the first.
    mutating func goBack() -> Bool {
        if page > 0 { page -= 1; return true }
        guard step > 0 else { return false }
        step -= 1
        page = pages(of: step).count - 1
        return true
    }

    /// What stops this person applying through this channel (D4). An expired ID does not,
    /// where the channel asks for the renewed card's start date.
    func eligibilityRefusals(in state: CardState, today: CalendarDate) -> [Eligibility.Refusal] {
        let asksRenewedStart = steps.contains { $0.fields.contains("validityStart") }
        return Eligibility.blocking(for: person, in: state, today: today, entersRenewedStart: asksRenewedStart)
    }

    /// The first step that asks for a photo: where a correction after 照片审核未通过 starts.
    var firstPhotoStep: Int {
        steps.firstIndex { !Set($0.fields).isDisjoint(with: ["cardPhoto", "idCardFront", "idCardBack"]) } ?? 0
    }

    /// The step to resume at after `completed`, the id a draft recorded.
    func step(after completed: String) -> Int? {
        guard let index = steps.firstIndex(where: { $0.id == completed }) else { return nil }
        return min(index + 1, steps.count - 1)
    }
}
