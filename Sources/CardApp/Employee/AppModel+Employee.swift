import CardDomain
import CardStore
import CardWizards
import TerminalUI

/// Flow E: an employee confirms (or changes, D14) their card data on the wizard engine,
/// by themselves or with a clerk (代办), in this terminal's channel.
extension AppModel {
    /// Opens the confirmation of `person`: refused with the reason when they may not
    /// (D13–D17); a confirmation already made is opened again to change it, and one the
    /// unit sent back says why.
    mutating func startConfirmation(for person: PersonRecord, now: Int64) {
        catchUp()
        let state = environment.repository.state
        let profile = environment.profile
        let perPage = environment.options.elder ? environment.policy.elderFieldsPerPage : nil
        let refusals = EmployeeEligibility.check(person, in: state, today: today, entersRenewedStart: true)
        guard let terms = ApplicantTerms.of(person, kind: .unit, in: state, flow: profile.employee), person.status == .employed else {
            return refuse(refusals, kind: .unit)
        }
        if let submitted = refusals.first(where: { $0.reason == .submittedByUnit }) {
            // D14: once the unit has submitted, the entry shows the status and the timeline, read-only.
            page = .myApplications(MyApplicationsScreen(person: person, state: state, viewer: session?.actor.role ?? .person))
            return overlay = message("信息不能再修改", submitted.message, tone: .title)
        }
        var flow = ApplicantFlow(profile: profile, kind: .unit, terms: terms, person: person, fieldsPerPage: perPage)
        if let existing = state.applications(ofPerson: person.documentNumber).first(where: \.isOpenToConfirmation) {
            flow.form = Self.fitted(existing.form, to: terms, in: flow)
            if existing.status == .awaitingConfirmation {
                flow.notice = "退回原因：" + (existing.timeline.last?.reason ?? CardState.unitChangedReason)
            } else {
                flow.notice = "您已于 \(existing.timeline.last.map { BeijingTime.dateTime(microseconds: $0.at) } ?? "") 确认个人信息；"
                    + "单位提交前可以修改，修改后以最后一次为准。"
            }
        }
        begin(flow)
    }

    /// A confirmation made under the unit's earlier setting, brought within today's
    /// terms: a pickup method or bank the unit no longer allows is replaced by what it does.
    static func fitted(_ form: ApplicationForm, to terms: ApplicantTerms, in flow: ApplicantFlow) -> ApplicationForm {
        var form = form
        form.consented = false
        if !(form.pickupMethod.map(terms.pickupAllowed.contains) ?? false) {
            form.pickupMethod = terms.pickupOptions(in: flow.definition).first?.method
        }
        if form.bank != terms.bank || !terms.branchIsChoosable {
            form.bank = terms.bank
            form.branch = terms.branch
        }
        if form.mailing == nil {
            form.mailing = ApplicantFlow.initialForm(for: flow.person, profile: flow.profile, kind: .unit, terms: terms).mailing
        }
        return form
    }

    /// Records the confirmation (信息已确认) and shows when, and what happens next.
    mutating func submitConfirmation(_ flow: ApplicantFlow, now: Int64) {
        let command = Command.confirmEmployeeData(personNumber: flow.person.documentNumber, form: flow.form)
        guard record(command, for: flow, now: now) else { return }
        let state = environment.repository.state
        guard let application = state.applications(ofPerson: flow.person.documentNumber).first(where: \.isOpenToConfirmation) else {
            return goHome()
        }
        let staff = session?.actor.role.isStaff == true
        let next = "单位经办人统一提交后开始制卡。单位提交前，"
            + (staff ? "职工可以再次确认以修改信息。" : "您可以通过「\(flow.definition.entryButton)」修改确认信息。")
            + environment.policy.nextSteps(after: application.form.pickupMethod)
        page = .receipt(ReceiptScreen(application: application, person: flow.person, profile: flow.profile,
                                      message: flow.definition.successMessage, nextSteps: next,
                                      printable: staff, essentialsOnly: environment.options.elder))
    }
}
