import CardDomain
import TerminalUI

/// The staff screen lock (terminal.json staffLockSeconds): after an idle time a clerk's
/// page is hidden and the password asked again; every try is recorded as a login try
/// would be, five wrong ones lock the account, and F10 logs out. The work is kept.
extension AppModel {
    var isLocked: Bool {
        if case .screenLocked? = overlay { return true }
        return false
    }

    mutating func handleLock(_ lock: LockScreen, _ key: Key) -> Outcome {
        if key == .function(10) {
            resetToStart(now: lastInput)
            return .redraw
        }
        var lock = lock
        guard let typed = lock.handle(key) else {
            overlay = .screenLocked(lock)
            return .running
        }
        let login = AccountLogin(repository: environment.repository, context: environment.context(now: lastInput))
        do {
            switch try login.attempt(login: lock.username, password: typed.password, captcha: typed.captcha,
                                     expectedCaptcha: lock.captcha?.code, groupActor: "staff", method: "unlock") {
            case .loggedIn, .mustChangePassword:
                overlay = overlayUnderLock
                overlayUnderLock = nil
            case .refused(let field, let message):
                overlay = .screenLocked(LockScreen(username: lock.username, problem: (field, message),
                                                   captcha: lockCaptcha(for: lock.username)))
            }
        } catch {
            overlay = .screenLocked(LockScreen(username: lock.username, problem: ("password", "解锁记录无法保存：\(error)"),
                                               captcha: lock.captcha))
        }
        return .redraw
    }

    /// A captcha when the account or this terminal last failed (D10), as the login asks.
    func lockCaptcha(for username: String) -> Captcha? {
        environment.repository.state.needsCaptcha(terminal: environment.terminal, username: username)
            ? environment.captchaSource() : nil
    }
}
