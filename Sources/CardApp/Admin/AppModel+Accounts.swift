import CardDomain
import CardStore
import TerminalUI

/// 账号管理 on screen (issue 27 §3): the list, one account with its changes and history,
/// and the form to create an account or change its role. Every change is the same journal
/// event `sscard accounts` records, made as the administrator who is logged in.
extension AppModel {
    mutating func showAccounts(_ screen: AccountsScreen? = nil, keeping selected: String? = nil, now: Int64) {
        catchUp()
        page = .accounts(AccountsScreen(state: environment.repository.state, now: now, stateFilter: screen?.stateFilter ?? AccountsScreen.anyChoice,
                                        roleFilter: screen?.roleFilter ?? AccountsScreen.anyChoice, query: screen?.query ?? "",
                                        keeping: selected))
    }

    mutating func openAccount(_ username: String, returnTo list: AccountsScreen, now: Int64) {
        catchUp()
        let state = environment.repository.state
        guard let account = state.loginAccount(username) else { return showAccounts(list, now: now) }
        let history = (try? AccountHistory(username: username, data: environment.repository.data))?.entries ?? []
        page = .accountDetail(AccountDetailScreen(account: account, state: state, now: now, history: history, returnTo: list))
    }

    mutating func handleAccounts(_ key: Key, now: Int64) {
        switch page {
        case .accounts(var screen):
            if key == .escape { return goHome() }
            let (_, action) = screen.handle(key)
            page = .accounts(screen)
            switch action {
            case .filter(let status, let role, let query)?:
                page = .accounts(AccountsScreen(state: environment.repository.state, now: now, stateFilter: status, roleFilter: role, query: query))
            case .open(let username)?: openAccount(username, returnTo: screen, now: now)
            case .create?: page = .accountForm(AccountFormScreen(editing: nil, branches: branchNames, returnTo: screen))
            case nil: break
            }
        case .accountDetail(var screen):
            if key == .escape { return showAccounts(screen.returnTo, keeping: screen.account.username, now: now) }
            let (_, action) = screen.handle(key)
            page = .accountDetail(screen)
            switch action {
            case .confirm(let request)?:
                screen.pending = request
                page = .accountDetail(screen)
                overlay = .confirmSubmit(ModalDialog(title: "确认", message: Self.question(request, screen.account), buttons: ["确定", "取消"]))
            case .changeRole?:
                page = .accountForm(AccountFormScreen(editing: screen.account, branches: branchNames, returnTo: screen.returnTo))
            case .back?: showAccounts(screen.returnTo, keeping: screen.account.username, now: now)
            case nil: break
            }
        case .accountForm(var screen):
            if key == .escape { return showAccounts(screen.returnTo, now: now) }
            let (_, action) = screen.handle(key)
            page = .accountForm(screen)
            switch action {
            case .save(let entry)?: save(entry, on: screen, now: now)
            case .back?: showAccounts(screen.returnTo, now: now)
            case nil: break
            }
        default:
            break
        }
    }

    var branchNames: [String] { environment.repository.reference.branches.map(\.name) }

    static func question(_ request: AccountRequest, _ account: AccountRecord) -> String {
        let name = "\(AccountsScreen.shownName(account.username))（\(account.displayName)）"
        switch request {
        case .disable: return "停用账号 \(name)？停用后该账号不能以任何方式登录。"
        case .enable: return "启用账号 \(name)？"
        case .unlock: return "解锁账号 \(name)？"
        case .resetPassword: return "为账号 \(name) 重置密码？将显示一次新的临时密码，原密码立即失效。"
        default: return "确认变更账号 \(name)？"
        }
    }

    /// 确定 on a change asked from an account's page.
    mutating func confirmedAccountChange(_ screen: AccountDetailScreen, now: Int64) {
        guard var request = screen.pending else { return }
        var temporary: String?
        if case .resetPassword(let username, _) = request {
            let password = PasswordMaker.temporary()
            guard let hash = try? PasswordMaker.hash(password) else { return }
            request = .resetPassword(username: username, passwordHash: hash)
            temporary = password
        }
        guard recordAccount(request, now: now) else { return }
        openAccount(screen.account.username, returnTo: screen.returnTo, now: now)
        if let temporary { showTemporaryPassword(temporary, for: screen.account.username) }
    }

    private mutating func save(_ entry: AccountFormScreen.Entry, on screen: AccountFormScreen, now: Int64) {
        var screen = screen
        let request: AccountRequest
        var temporary: String?
        if screen.editing == nil {
            let password = PasswordMaker.temporary()
            guard let hash = try? PasswordMaker.hash(password) else { return }
            temporary = password
            request = .create(AccountRecord(username: entry.username, role: entry.role, displayName: entry.displayName, passwordHash: hash,
                                            unitNumber: entry.unitNumber, workplace: entry.workplace))
        } else {
            request = .setRole(username: entry.username, role: entry.role, workplace: entry.workplace, unitNumber: entry.unitNumber)
        }
        do {
            try environment.repository.execute(.changeAccount(request), by: session?.actor ?? .system("?"), context: environment.context(now: now))
        } catch let refusal as CommandRefusal {
            screen.refused(refusal)
            return page = .accountForm(screen)
        } catch {
            overlay = message("无法保存", "账号变更无法保存：\(error)。没有改动任何账号，请稍后再试。", tone: .error, button: "知道了")
            return
        }
        openAccount(entry.username, returnTo: screen.returnTo, now: now)
        if let temporary { showTemporaryPassword(temporary, for: entry.username) }
    }

    /// Records a change; a refusal or a failed write is said in a dialog. True when recorded.
    private mutating func recordAccount(_ request: AccountRequest, now: Int64) -> Bool {
        do {
            try environment.repository.execute(.changeAccount(request), by: session?.actor ?? .system("?"), context: environment.context(now: now))
            return true
        } catch let refusal as CommandRefusal {
            overlay = message("不能办理", refusal.description, tone: .error, button: "知道了")
        } catch {
            overlay = message("无法保存", "账号变更无法保存：\(error)。请稍后再试。", tone: .error, button: "知道了")
        }
        return false
    }

    /// Shown once, to the administrator at this screen; it is nowhere else.
    private mutating func showTemporaryPassword(_ password: String, for username: String) {
        let hours = environment.repository.reference.loginPolicy.temporaryPasswordHours
        overlay = message("临时密码", "账号 \(username) 的临时密码：\(password)\n请当面交给使用人。\(hours) 小时内有效，"
                          + "首次登录时须设置新密码。关闭本窗口后将不再显示。", tone: .title, button: "已记下")
    }
}
