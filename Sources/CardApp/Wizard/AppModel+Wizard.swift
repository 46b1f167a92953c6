import CardDomain
import CardStore
import CardWizards
import TerminalUI

/// The wizard engine's pages in the session, for every applicant flow (a retiree's
/// application, an employee's confirmation): the disclaimer, each step's page with its
/// conditions, the checks, a draft saved after every completed step, and the question
/// before submitting.
extension AppModel {
    var reference: ReferenceData { environment.repository.reference }
    var today: CalendarDate { BeijingTime.date(microseconds: lastInput) }

    func stepFields(for flow: ApplicantFlow) -> StepFields {
        StepFields(flow: flow, reference: reference, texts: { reference.text($0) })
    }

    func wizardPage(_ flow: ApplicantFlow) -> Page { .wizard(WizardStepScreen(flow: flow, fields: stepFields(for: flow))) }

    func message(_ title: String, _ text: String, tone: Style = .warning, button: String = "知道了") -> Overlay {
        .message(ModalDialog(title: title, message: text, buttons: [button], tone: tone))
    }

    /// Opens `flow`: echoes the ID card where the channel reads it (D9), resumes a draft
    /// saved in this channel after its last completed step, refuses with every reason when
    /// the applicant may not go on, and otherwise shows the entry popup or the disclaimer.
    mutating func begin(_ flow: ApplicantFlow) {
        var flow = flow
        catchUp()
        let state = environment.repository.state
        if flow.echoesIDCard {
            do {
                let reading = try environment.idCardReader.read(for: flow.person)
                flow.reading = reading
                flow.form.ethnicGroup = reading.ethnicGroup ?? flow.form.ethnicGroup
            } catch {
                return overlay = message("读卡失败", "无法读取身份证：\(error)。请将身份证放好后重试，或联系现场工作人员。")
            }
        }
        let refusals = flow.refusals(in: state, today: today)
        let checkedLater = flow.definition.eligibilityCheck != nil
        if let draft = state.draft(of: flow.person.documentNumber) {
            if draft.channel == flow.profile.id, let step = flow.step(after: draft.step) {
                flow.form = draft.form
                guard refusals.isEmpty else { return refuse(refusals, kind: flow.kind) }
                flow.step = step
                flow.authorised = true
                page = wizardPage(flow)
                // Drafts are saved when a step is completed: what was typed on the step
                // left unfinished was not saved, and the notice must not claim it was.
                overlay = message("已恢复草稿", "已恢复 \(BeijingTime.dateTime(microseconds: draft.savedAt)) 保存的草稿。"
                                  + "前 \(step) 步填写的内容都在，从第 \(step + 1) 步「\(flow.currentStep.title)」继续；"
                                  + "这一步上次没有完成，其中输入的内容没有保存，请重新填写。", tone: .title, button: "继续")
                return
            }
        }
        // Channels with their own 资格校验 step check there, after 访问授权.
        if !checkedLater, !refusals.isEmpty { return refuse(refusals, kind: flow.kind) }
        page = .disclaimer(DisclaimerScreen(flow: flow, text: reference.text("disclaimer")))
        if let popup = flow.definition.entryPopup {
            overlay = message(flow.definition.entryButton, popup.message, tone: .title, button: popup.button)
        }
    }

    /// Says why the check failed (D4 for a retiree, D17 for an employee), every reason with what to do.
    mutating func refuse(_ refusals: [Eligibility.Refusal], kind: Application.Kind = .personal) {
        overlay = message(kind == .personal ? "资格校验未通过" : "暂时不能确认个人信息", refusals.map(\.message).joined(separator: "\n"))
    }

    mutating func handleDisclaimer(_ key: Key, _ screen: DisclaimerScreen, now: Int64) {
        var screen = screen
        if key == .escape { return goHome() }
        let (_, action) = screen.handle(key)
        page = .disclaimer(screen)
        if action == .proceed { page = wizardPage(screen.flow) }
    }

    mutating func handleWizard(_ key: Key, _ screen: WizardStepScreen, now: Int64) {
        var screen = screen
        if key == .escape {
            var flow = screen.flow
            _ = StepReader(reference: reference, today: today).read(screen.form, into: &flow)
            let entered = flow.form != screen.startForm
            guard flow.goBack() else {
                // The first page has nothing before it: leaving loses what is on it, so ask.
                guard entered else { return goHome() }
                overlay = .confirmDiscard(ModalDialog(title: "返回首页？", message: "本页已填写的内容和已选的照片尚未保存，返回后将被清除。",
                                                      buttons: ["返回首页", "继续填写"]), then: .home)
                return
            }
            page = wizardPage(flow)
            return
        }
        let (_, action) = screen.handle(key)
        page = .wizard(screen)
        switch action {
        case .next?: completePage(screen, now: now)
        case .choosePhoto(let field)?: openPhotoPicker(for: field, on: screen)
        case .conditionChanged(let field)?: showConditionedFields(screen, keepingFocusOn: field)
        case nil: break
        }
    }

    /// A field that others depend on changed (领卡方式): the page is built again with the
    /// fields that now show, keeping everything typed and the focus where it was.
    mutating func showConditionedFields(_ screen: WizardStepScreen, keepingFocusOn field: String) {
        var flow = screen.flow
        _ = StepReader(reference: reference, today: today).read(screen.form, into: &flow)
        var rebuilt = WizardStepScreen(flow: flow, fields: stepFields(for: flow), startForm: screen.startForm)
        rebuilt.updateForm { $0.focus(on: field) }
        page = .wizard(rebuilt)
    }

    /// The page's button: check the page, run 资格校验 where the step has it, save the
    /// draft at the end of a step, then go on (or ask to submit after the last step).
    mutating func completePage(_ screen: WizardStepScreen, now: Int64) {
        var screen = screen
        var flow = screen.flow
        let reader = StepReader(reference: reference, today: today)
        var problems = reader.read(screen.form, into: &flow)
        let found = reader.problems(on: flow)
        problems += found.filter { problem in !problems.contains { $0.field == problem.field } }
        // An answer that makes more fields show (银行邮寄 set without its keys, as the line
        // mode does) shows them, to be filled, before the page may end.
        if !Set(flow.pageFields).subtracting(screen.flow.pageFields).isEmpty {
            var rebuilt = WizardStepScreen(flow: flow, fields: stepFields(for: flow), startForm: screen.startForm)
            rebuilt.updateForm { $0.show(problems: problems) }
            page = .wizard(rebuilt)
            return
        }
        screen.flow = flow
        if !problems.isEmpty {
            screen.updateForm { $0.show(problems: problems) }
            page = .wizard(screen)
            return
        }
        if flow.isEligibilityStep, flow.isLastPageOfStep {
            catchUp()
            let refusals = flow.refusals(in: environment.repository.state, today: today)
            guard refusals.isEmpty else { page = .wizard(screen); return refuse(refusals) }
        }
        if flow.isLastPageOfStep, flow.correcting == nil {
            guard saveDraft(flow, now: now) else { page = .wizard(screen); return }
        }
        guard flow.advance() else {
            page = .wizard(screen)
            askToSubmit(flow)
            return
        }
        page = wizardPage(flow)
    }

    /// Records the completed step; false (with the reason on screen) when it could not be saved.
    mutating func saveDraft(_ flow: ApplicantFlow, now: Int64) -> Bool {
        let command = Command.saveDraft(personNumber: flow.person.documentNumber, step: flow.currentStep.id, form: flow.form)
        do {
            try environment.repository.execute(command, by: actingActor(for: flow), context: environment.context(now: now))
            draftSavedAt = now
            return true
        } catch let refusal as CommandRefusal {
            overlay = message("草稿未保存", "\(refusal)")
        } catch where CardRepository.isServerAway(error) {
            return keepUnsaved(flow, by: actingActor(for: flow), now: now)
        } catch {
            overlay = writeFailure("草稿未保存", "草稿", error, kept: "已填写的内容仍在屏幕上")
        }
        return false
    }

    /// The session's actor, for a clerk marked as assisting the applicant (代办).
    func actingActor(for flow: ApplicantFlow) -> Actor {
        var actor = session?.actor ?? Actor(username: "", role: .person)
        if actor.role == .counterClerk { actor.assisting = flow.person.documentNumber }
        return actor
    }

    mutating func askToSubmit(_ flow: ApplicantFlow) {
        guard let question = flow.definition.secondConfirmation else { return submitApplication(now: lastInput) }
        overlay = .confirmSubmit(ModalDialog(title: "二次确认", message: question, buttons: ["确定", "取消"]))
    }
}
