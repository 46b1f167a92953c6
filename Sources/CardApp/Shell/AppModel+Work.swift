import CardDomain
import CardWizards
import CardStore
import TerminalUI

/// The pages after the home screen: the home menu's items, 我的办事, and Esc on each page.
extension AppModel {
    mutating func open(_ item: TerminalPolicy.HomeItem, now: Int64) {
        guard let actor = session?.actor else { return }
        catchUp()
        let state = environment.repository.state
        switch (actor.role, item.id) {
        case (.person, "apply"):
            guard let person = actor.personNumber.flatMap({ state.person($0) }) else { return }
            startApplication(for: person, now: now)
        case (.person, "confirm"):
            guard let person = actor.personNumber.flatMap({ state.person($0) }) else { return }
            startConfirmation(for: person, now: now)
        case (.unitOperator, "openCollective"):
            openUnitSettings()
        case (.unitOperator, "submitEmployees"):
            showUnitEmployees(.submit, status: .confirmed)
        case (.unitOperator, "employeeStatus"):
            showUnitEmployees(.query, status: nil)
        case (.person, "myApplications"):
            guard let person = actor.personNumber.flatMap({ state.person($0) }) else { return }
            page = .myApplications(MyApplicationsScreen(person: person, state: state, viewer: .person))
        case (.counterClerk, "lookUp"), (.counterClerk, "receipt"):
            page = .personLookup(PersonLookupScreen())
        case (.administrator, "importRecords"):
            page = .importer(ImportScreen(kind: .persons))
        case (.administrator, "importUnits"):
            page = .importer(ImportScreen(kind: .units))
        case (.administrator, "status"):
            showStatus(now: now)
        case (.administrator, "accounts"):
            showAccounts(now: now)
        case (.backOffice, "queue"), (.backOffice, "advance"):
            page = .queue(QueueScreen(status: .submitted, state: state))
        default:
            overlay = message(item.label, "「\(item.label)」尚未开放：本版本还没有这项业务的办理页面，将在后续版本提供。",
                              tone: .title, button: "返回首页")
        }
    }

    mutating func goHome() {
        guard let session else { return backToLoginChoice() }
        var actor = session.actor
        actor.assisting = nil
        self.session?.actor = actor
        page = homePage(for: actor, displayName: session.displayName)
    }

    /// The home menu of `actor`, in this channel's words.
    func homePage(for actor: Actor, displayName: String) -> Page {
        let status = actor.personNumber.flatMap { environment.repository.state.person($0) }?.status
        return .home(HomeScreen(role: actor.role, displayName: displayName, policy: environment.policy,
                                profile: environment.profile, personStatus: status))
    }

    mutating func handleWorkPage(_ key: Key, now: Int64) {
        switch page {
        case .disclaimer(let screen): handleDisclaimer(key, screen, now: now)
        case .wizard(let screen): handleWizard(key, screen, now: now)
        case .receipt(var screen):
            if key == .escape { return goHome() }
            let (_, action) = screen.handle(key)
            page = .receipt(screen)
            switch action {
            case .myApplications?: showProgress(of: screen.personNumber)
            case .print?: printReceipt(screen.applicationID, now: now)
            case .home?: goHome()
            case nil: break
            }
        case .myApplications(var screen):
            if key == .escape { return leaveProgress(of: screen.personNumber) }
            let (_, action) = screen.handle(key)
            page = .myApplications(screen)
            switch action {
            case .resumeDraft?, .correct?:
                guard let person = environment.repository.state.person(screen.personNumber) else { return }
                if case .correct(let id)? = action {
                    startCorrection(of: id, for: person)
                } else if person.status == .employed {
                    startConfirmation(for: person, now: now)
                } else {
                    startApplication(for: person, now: now)
                }
            case .back?: leaveProgress(of: screen.personNumber)
            case nil: break
            }
        case .personLookup, .personDetail: handleCounter(key, now: now)
        case .queue, .review: handleBackOffice(key, now: now)
        case .unitSettings(let screen): handleUnitSettings(key, screen, now: now)
        case .unitEmployees(let screen): handleUnitEmployees(key, screen, now: now)
        case .smsLogin(let screen): handleSMSLogin(key, screen, now: now)
        case .realName(let screen): handleRealName(key, screen, now: now)
        case .changePassword(let screen): handleChangePassword(key, screen, now: now)
        case .registration(let screen): handleRegistration(key, screen, now: now)
        case .accounts, .accountDetail, .accountForm: handleAccounts(key, now: now)
        case .importer(let screen): handleImport(key, screen, now: now)
        case .systemStatus(var screen):
            if key == .escape { return goHome() }
            let (_, action) = screen.handle(key)
            page = .systemStatus(screen)
            switch action {
            case .refresh?: showStatus(now: now)
            case .back?: goHome()
            case nil: break
            }
        case .certificateLogin(let screen): handleCertificateLogin(key, screen, now: now)
        case .loginChoice, .accountLogin, .codeLogin, .home: break
        }
    }

    /// 我的办事 for a person, or a clerk's view of the person they are helping.
    mutating func showProgress(of number: String) {
        catchUp()
        let state = environment.repository.state
        guard let person = state.person(number) else { return goHome() }
        page = .myApplications(MyApplicationsScreen(person: person, state: state, viewer: session?.actor.role ?? .person))
    }

    private mutating func leaveProgress(of number: String) {
        if session?.actor.role == .unitOperator { return showUnitEmployees(.query, status: nil) }
        guard session?.actor.role == .counterClerk else { return goHome() }
        openPersonDetail(number, now: lastInput)
    }

    /// After 照片审核未通过: the application's own form again, from its first photo step.
    mutating func startCorrection(of id: String, for person: PersonRecord) {
        let state = environment.repository.state
        guard let application = state.applications[id], application.status.isSentBack else { return }
        guard let profile = reference.channel(application.channel) else { return }
        let perPage = environment.options.elder ? environment.policy.elderFieldsPerPage : nil
        let terms = ApplicantTerms.of(person, kind: application.kind, in: state, flow: profile.flow(application.kind))
        var flow = ApplicantFlow(profile: profile, kind: application.kind, terms: terms, person: person, form: application.form,
                                 fieldsPerPage: perPage, correcting: id)
        // A rejected photo is fixed at the photo step; anything else from the start.
        flow.step = application.status == .photoRejected ? flow.firstPhotoStep : 0
        flow.authorised = true
        flow.form.consented = false
        page = wizardPage(flow)
        let reason = application.timeline.last?.reason ?? application.status.rawValue
        let what = application.status == .photoRejected ? "请更换照片" : "请核对并修改信息"
        overlay = message("请修改后重新提交", "退回原因：\(reason)\n\(what)，再重新提交。", tone: .title, button: "开始修改")
    }
}
