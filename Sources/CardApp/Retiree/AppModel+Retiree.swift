import CardDomain
import CardStore
import TerminalUI

/// Flow R: a retiree's own application (or a clerk's 代办), step by step over the channel's
/// profile, with a draft saved after every completed step and resumed at the next login.
extension AppModel {
    var reference: ReferenceData { environment.repository.reference }
    var today: CalendarDate { BeijingTime.date(microseconds: lastInput) }

    func stepFields(for flow: RetireeFlow) -> StepFields {
        StepFields(flow: flow, reference: reference, texts: { reference.text($0) })
    }

    func wizardPage(_ flow: RetireeFlow) -> Page { .wizard(WizardStepScreen(flow: flow, fields: stepFields(for: flow))) }

    func message(_ title: String, _ text: String, tone: Style = .warning, button: String = "知道了") -> Overlay {
        .message(ModalDialog(title: title, message: text, buttons: [button], tone: tone))
    }

    /// Starts (or resumes) the application of `person`: a saved draft of this channel
    /// resumes after its last completed step; otherwise the disclaimer comes first.
    mutating func startApplication(for person: PersonRecord, now: Int64) {
        try? environment.repository.refresh()
        let state = environment.repository.state
        let profile = environment.profile
        let perPage = environment.options.elder ? environment.policy.elderFieldsPerPage : nil
        var flow = RetireeFlow(profile: profile, person: person, fieldsPerPage: perPage)
        if flow.echoesIDCard {
            do {
                let reading = try environment.idCardReader.read(for: person)
                flow.reading = reading
                flow.form.ethnicGroup = reading.ethnicGroup ?? flow.form.ethnicGroup
            } catch {
                return overlay = message("读卡失败", "无法读取身份证：\(error)。请将身份证放好后重试，或联系现场工作人员。")
            }
        }
        let refusals = flow.eligibilityRefusals(in: state, today: today)
        let checkedLater = profile.retiree.eligibilityCheck != nil
        if let draft = state.drafts[person.documentNumber] {
            flow.form = draft.form
            if draft.channel == profile.id, let step = flow.step(after: draft.step) {
                guard refusals.isEmpty else { return refuse(refusals) }
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
        if !checkedLater, !refusals.isEmpty { return refuse(refusals) }
        page = .disclaimer(DisclaimerScreen(flow: flow, text: reference.text("disclaimer")))
    }

    /// Says why the eligibility check (D4) failed, every reason with what to do.
    mutating func refuse(_ refusals: [Eligibility.Refusal]) {
        overlay = message("资格校验未通过", refusals.map(\.message).joined(separator: "\n"))
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
        case nil: break
        }
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
        screen.flow = flow
        if !problems.isEmpty {
            screen.updateForm { $0.show(problems: problems) }
            page = .wizard(screen)
            return
        }
        if flow.isEligibilityStep, flow.isLastPageOfStep {
            try? environment.repository.refresh()
            let refusals = flow.eligibilityRefusals(in: environment.repository.state, today: today)
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
    mutating func saveDraft(_ flow: RetireeFlow, now: Int64) -> Bool {
        let command = Command.saveDraft(personNumber: flow.person.documentNumber, step: flow.currentStep.id, form: flow.form)
        do {
            try environment.repository.execute(command, by: actingActor(for: flow), context: environment.context(now: now))
            draftSavedAt = now
            return true
        } catch let refusal as CommandRefusal {
            overlay = message("草稿未保存", "\(refusal)")
        } catch {
            overlay = message("草稿未保存", "草稿无法写入：\(error)。已填写的内容仍在屏幕上，请联系管理员后再试。", tone: .error)
        }
        return false
    }

    /// The session's actor, for a clerk marked as assisting the applicant (代办).
    func actingActor(for flow: RetireeFlow) -> Actor {
        var actor = session?.actor ?? Actor(username: "", role: .person)
        if actor.role == .counterClerk { actor.assisting = flow.person.documentNumber }
        return actor
    }

    mutating func askToSubmit(_ flow: RetireeFlow) {
        guard let question = flow.profile.retiree.secondConfirmation else { return submitApplication(now: lastInput) }
        overlay = .confirmSubmit(ModalDialog(title: "二次确认", message: question, buttons: ["确定", "取消"]))
    }

    /// Submits (or resubmits a corrected) application and shows the channel's success message.
    mutating func submitApplication(now: Int64) {
        guard case .wizard(let screen) = page else { return }
        let flow = screen.flow
        let command: Command = flow.correcting.map { .resubmitApplication(applicationID: $0, form: flow.form) }
            ?? .submitApplication(personNumber: flow.person.documentNumber, form: flow.form)
        do {
            try environment.repository.execute(command, by: actingActor(for: flow), context: environment.context(now: now))
        } catch let refusal as CommandRefusal {
            return overlay = message("未能提交", "\(refusal)")
        } catch {
            return overlay = message("未能提交", "申请无法写入：\(error)。已填写的内容仍在屏幕上，请联系管理员后再试。", tone: .error)
        }
        draftSavedAt = nil
        let state = environment.repository.state
        guard let application = state.applicationInProgress(of: flow.person.documentNumber) else { return goHome() }
        page = .receipt(ReceiptScreen(application: application, person: flow.person, profile: flow.profile,
                                      message: flow.profile.retiree.successMessage, nextSteps: environment.policy.nextSteps(after: application.form.pickupMethod),
                                      printable: session?.actor.role.isStaff == true))
    }
}
