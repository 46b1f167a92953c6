import CardDomain
import CardStore
import CardWizards
import TerminalUI

/// Flow R: a retiree's own application (or a clerk's 代办) on the wizard engine, and its
/// submission.
extension AppModel {
    /// Starts (or resumes) the application of `person` in this terminal's channel.
    mutating func startApplication(for person: PersonRecord, now: Int64) {
        let perPage = environment.options.elder ? environment.policy.elderFieldsPerPage : nil
        begin(ApplicantFlow(profile: environment.profile, person: person, fieldsPerPage: perPage))
    }

    /// Submits (or resubmits a corrected) application and shows the channel's success message.
    mutating func submitApplication(now: Int64) {
        guard case .wizard(let screen) = page else { return }
        let flow = screen.flow
        if flow.kind == .unit { return submitConfirmation(flow, now: now) }
        let command: Command = flow.correcting.map { .resubmitApplication(applicationID: $0, form: flow.form) }
            ?? .submitApplication(personNumber: flow.person.documentNumber, form: flow.form)
        guard record(command, for: flow, now: now) else { return }
        let state = environment.repository.state
        guard let application = state.applicationInProgress(of: flow.person.documentNumber) else { return goHome() }
        page = .receipt(ReceiptScreen(application: application, person: flow.person, profile: flow.profile,
                                      message: flow.definition.successMessage,
                                      nextSteps: environment.policy.nextSteps(after: application.form.pickupMethod),
                                      printable: session?.actor.role.isStaff == true,
                                      essentialsOnly: environment.options.elder))
    }

    /// Records the application (or confirmation); false with the reason on screen, and
    /// everything entered still there, when it was refused or could not be written.
    mutating func record(_ command: Command, for flow: ApplicantFlow, now: Int64) -> Bool {
        do {
            try environment.repository.execute(command, by: actingActor(for: flow), context: environment.context(now: now))
        } catch let refusal as CommandRefusal {
            overlay = message("未能提交", "\(refusal)")
            return false
        } catch {
            overlay = writeFailure("未能提交", "申请", error, kept: "已填写的内容仍在屏幕上")
            return false
        }
        draftSavedAt = nil
        return true
    }
}
