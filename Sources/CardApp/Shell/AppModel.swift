import CardDomain
import CardStore
import TerminalUI

/// The whole session as one state machine: keys and clock ticks in, a new state (and
/// whether to exit) out. The full-screen runtime and the accessible line mode drive the
/// same model, so they run the same flows; tests drive it with keys and no terminal.
public struct AppModel {
    public enum Page: Equatable {
        case loginChoice(LoginChoiceScreen)
        case accountLogin(AccountLoginScreen)
        case codeLogin(CodeLoginScreen)
        case smsLogin(SMSLoginScreen)
        case realName(RealNameScreen)
        case changePassword(ChangePasswordScreen)
        case registration(RegistrationScreen)
        case certificateLogin(CertificateLoginScreen)
        case home(HomeScreen)
        case disclaimer(DisclaimerScreen)
        case wizard(WizardStepScreen)
        case receipt(ReceiptScreen)
        case myApplications(MyApplicationsScreen)
        case personLookup(PersonLookupScreen)
        case personDetail(PersonDetailScreen)
        case queue(QueueScreen)
        case review(ReviewScreen)
        case unitSettings(UnitSettingsScreen)
        case unitEmployees(UnitEmployeesScreen)
        case accounts(AccountsScreen)
        case accountDetail(AccountDetailScreen)
        case accountForm(AccountFormScreen)
        case importer(ImportScreen)
        case systemStatus(StatusScreen)
    }

    public enum Overlay: Equatable {
        case help(HelpOverlay)
        /// 确认退出？ / 确认退出登录？
        case confirmQuit(ModalDialog)
        /// Esc would throw away what was typed (or a photo chosen); where it then goes.
        case confirmDiscard(ModalDialog, then: DiscardTarget)
        case message(ModalDialog)
        /// Kiosk: the session is about to be cleared.
        case idleWarning
        /// Choosing the file for a photo field of the application.
        case photoPicker(PhotoPicking)
        /// 导入人员信息 / 导入单位信息: choosing the CSV file.
        case importPicker(FilePicker)
        /// Esc while an import runs: stop between batches?
        case confirmStopImport(ModalDialog)
        /// 插入证书: choosing the unit certificate's file, and so its folder.
        case certificatePicker(FilePicker)
        /// 二次确认 before the application (or the unit's setting) is recorded.
        case confirmSubmit(ModalDialog)
        /// A staff session idle too long: the page is hidden until the password is given.
        case screenLocked(LockScreen)
    }

    /// Where a confirmed discard leads.
    public enum DiscardTarget: Equatable, Sendable { case loginChoice, home }

    /// The file picker open for one photo field.
    public struct PhotoPicking: Equatable {
        public var field: String
        public var picker: FilePicker
    }

    public struct Session: Equatable, Sendable {
        public var actor: Actor
        public var displayName: String
    }

    public enum Outcome: Equatable {
        case running
        /// Everything must be sent again (Ctrl-L, or the kiosk just cleared the screen).
        case redraw
        case exit(Int32)
    }

    public internal(set) var page: Page
    public internal(set) var overlay: Overlay?
    public internal(set) var session: Session?
    var lastInput: Int64
    /// When the repository last read what other processes appended (see `keepUpToDate`).
    var lastRefresh: Int64 = 0
    /// When this session last saved a draft, for the bottom bar's "草稿已保存 14:06".
    public internal(set) var draftSavedAt: Int64?
    /// Set while the journal's server cannot be reached (a refresh failed for that reason).
    public internal(set) var serverAway = false
    /// The user whose drafts kept on this site's disk were all recorded (`UnsavedDrafts`).
    var unsavedDraftsRecordedFor: String?
    /// Where the photo picker opened last, so the next photo starts there.
    var photoDirectory: String
    /// Whether the last frame was the "终端窗口太小" notice: then keys act on nothing unseen.
    var isTooSmall = false
    /// The dialog or picker that was open when the screen locked, given back on unlock.
    var overlayUnderLock: Overlay?
    /// The import running on 导入人员信息 or 导入单位信息, a batch or a few per tick.
    var importRun: ImportRun?
    /// The last import's job when it ended: a dry run waits here for 确认导入.
    var lastImport: ImportJob?
    public let environment: AppEnvironment

    public init(environment: AppEnvironment, now: Int64) {
        self.environment = environment
        page = .loginChoice(LoginChoiceScreen(profile: environment.profile, policy: environment.policy,
                                              group: Self.startingGroup(environment)))
        lastInput = now
        photoDirectory = environment.options.photoDirectory
        if let problem = environment.repository.indexProblem {
            overlay = message("磁盘空间不足", Self.indexBehindNotice + "（\(problem)）", button: "知道了")
        }
    }

    /// A start whose index could not be brought up to date (a full disk): said once, on screen.
    public static let indexBehindNotice = "本机索引无法更新，通常是磁盘已满。查询和查看办理状态照常；"
        + "新的办理可能无法记录，无法记录时会逐次提示，已输入的内容不会丢失。请通知管理员腾出磁盘空间"

    /// A self-service kiosk and the elder layout serve people, not units: they open on
    /// 个人登录. A counter opens on its first tab, as the channel lists them.
    static func startingGroup(_ environment: AppEnvironment) -> Int {
        guard environment.options.kiosk || environment.options.elder else { return 0 }
        return environment.profile.logins.firstIndex { $0.actor == "person" } ?? 0
    }

    public var isKiosk: Bool { environment.options.kiosk }

    public mutating func handle(_ key: Key, now: Int64) -> Outcome {
        lastInput = now
        if key == .resize { return .running }
        if key == .control("l") { return .redraw }
        if key == .control("z") { return .running }
        if isTooSmall {
            // Nothing of the page is on screen: only quitting (and its question) may act.
            if case .confirmQuit? = overlay, key == .enter || key == .escape { return handleOverlay(overlay!, key) }
            if key == .function(10) || key == .control("c") { askToQuit(viaControlC: key == .control("c")) }
            return .running
        }
        if case .screenLocked(let lock)? = overlay { return handleLock(lock, key) }
        if let overlay { return handleOverlay(overlay, key) }
        // Esc closes only the innermost layer: an open list on the page, not the page too.
        if key == .escape, screen.form.openSelect != nil {
            updateForm { _ = $0.handle(.escape) }
            return .running
        }
        switch key {
        case .function(1):
            overlay = .help(help)
            return .running
        case .function(10), .control("c"):
            askToQuit(viaControlC: key == .control("c"))
            return .running
        default:
            break
        }
        handlePage(key, now: now)
        return .running
    }

    /// The clock moved without a key: the kiosk's idle warning and reset, and the lock
    /// of a staff screen left alone.
    public mutating func tick(now: Int64) -> Outcome {
        // An import goes on under a dialog and a locked screen: it is the administrator's
        // own work, already confirmed, and stopping it is asked for with Esc.
        if importRun != nil { advanceImport(now: now) }
        keepUpToDate(now: now)
        if !isKiosk, let session, session.actor.role.isStaff, !isLocked,
           (now - lastInput) / 1_000_000 >= Int64(environment.policy.staffLockSeconds) {
            overlayUnderLock = overlay
            overlay = .screenLocked(LockScreen(username: session.actor.username, captcha: lockCaptcha(for: session.actor.username)))
            return .redraw
        }
        if overlay == nil, let outcome = followLogin(now: now), session != nil || outcome != .running { return outcome }
        guard isKiosk else { return .running }
        let limits = environment.idleLimits
        let idle = (now - lastInput) / 1_000_000
        if idle >= limits.idle {
            resetToStart(now: now)
            return .redraw
        }
        if idle >= limits.idle - limits.warning, overlay != .idleWarning {
            overlay = .idleWarning
        }
        return .running
    }

    /// Seconds left before an idle kiosk resets.
    public func idleSecondsLeft(now: Int64) -> Int64 {
        max(0, environment.idleLimits.idle - (now - lastInput) / 1_000_000)
    }

    /// Logs out, forgets everything on screen, and starts again at the login choice.
    mutating func resetToStart(now: Int64) {
        session = nil
        overlayUnderLock = nil
        draftSavedAt = nil
        photoDirectory = environment.options.photoDirectory
        overlay = nil
        page = .loginChoice(LoginChoiceScreen(profile: environment.profile, policy: environment.policy,
                                              group: Self.startingGroup(environment)))
        lastInput = now
    }

    /// Back to the login choice, on the identity tab the user had chosen (when coming back
    /// from one of its methods), else where this terminal starts.
    mutating func backToLoginChoice() {
        let chosen: ChannelProfile.LoginGroup?
        switch page {
        case .accountLogin(let screen): chosen = screen.group
        case .codeLogin(let screen): chosen = screen.group
        case .smsLogin(let screen): chosen = screen.group
        case .realName(let screen): chosen = screen.group
        case .changePassword(let screen): chosen = screen.group
        case .registration(let screen): chosen = screen.login.group
        case .certificateLogin(let screen): chosen = screen.group
        default: chosen = nil
        }
        let group = chosen.flatMap { group in environment.profile.logins.firstIndex { $0.actor == group.actor } }
        page = .loginChoice(LoginChoiceScreen(profile: environment.profile, policy: environment.policy,
                                              group: group ?? Self.startingGroup(environment)))
    }

    private mutating func handlePage(_ key: Key, now: Int64) {
        switch page {
        case .loginChoice(var screen):
            let (_, action) = screen.handle(key)
            page = .loginChoice(screen)
            if let action { perform(action, now: now) }
        case .accountLogin(var screen):
            if key == .escape {
                if screen.hasInput {
                    overlay = .confirmDiscard(ModalDialog(title: "返回登录方式？", message: "已输入的账号和密码将被清除。",
                                                          buttons: ["返回", "继续填写"]), then: .loginChoice)
                } else {
                    backToLoginChoice()
                }
                return
            }
            let (_, action) = screen.handle(key)
            page = .accountLogin(screen)
            switch action {
            case .logIn(let submission)?: logIn(submission, on: screen, now: now)
            case .setPassword(let purpose)?:
                page = .registration(RegistrationScreen(purpose: purpose, login: screen,
                                                        codeDigits: environment.repository.reference.loginPolicy.sms.codeDigits))
            case nil: break
            }
        case .codeLogin(let screen):
            handleCodeLogin(key, screen, now: now)
        case .home(var screen):
            let (_, action) = screen.handle(key)
            page = .home(screen)
            if case .chose(let item)? = action { open(item, now: now) }
        default:
            handleWorkPage(key, now: now)
        }
    }
}
