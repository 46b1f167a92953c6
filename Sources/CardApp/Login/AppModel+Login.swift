import CardDomain
import CardStore
import TerminalUI

extension AppModel {
    mutating func perform(_ action: LoginChoiceScreen.Action, now: Int64) {
        guard case .chose(let group, let method) = action else { return }
        switch method.mechanism {
        case .account:
            page = .accountLogin(AccountLoginScreen(group: group, method: method, captcha: captchaIfNeeded()))
        case .platformCode:
            startCodeLogin(group, method, now: now)
        case .sms:
            page = .smsLogin(SMSLoginScreen(group: group, method: method, codeDigits: environment.repository.reference.loginPolicy.sms.codeDigits))
        case .certificate:
            page = .certificateLogin(CertificateLoginScreen(group: group, method: method))
        }
    }

    /// 改用账号登录: the tab's own account method, or 账号登录 where the channel names none.
    mutating func switchToAccountLogin(_ group: ChannelProfile.LoginGroup) {
        let method = group.methods.first { $0.mechanism == .account }
            ?? ChannelProfile.LoginMethod(id: "account", label: "账号登录", mechanism: .account)
        page = .accountLogin(AccountLoginScreen(group: group, method: method, captcha: captchaIfNeeded()))
    }

    /// A captcha when this terminal's last try failed (D10), else none. Catches up with
    /// other processes first unless the caller just did.
    mutating func captchaIfNeeded(refreshing: Bool = true) -> Captcha? {
        if refreshing { catchUp() }
        return environment.repository.state.needsCaptcha(terminal: environment.terminal) ? environment.captchaSource() : nil
    }

    mutating func logIn(_ submission: AccountLoginScreen.Submission, on screen: AccountLoginScreen, now: Int64) {
        let login = AccountLogin(repository: environment.repository, context: environment.context(now: now))
        do {
            let outcome = try login.attempt(login: submission.login, password: submission.password, captcha: submission.captcha,
                                            expectedCaptcha: screen.captcha?.code, groupActor: screen.group.actor,
                                            method: screen.method.id)
            switch outcome {
            case .loggedIn(let actor, let displayName):
                admit(actor, displayName: displayName, group: screen.group)
            case .mustChangePassword(let actor, let displayName):
                page = .changePassword(ChangePasswordScreen(group: screen.group, pending: actor, displayName: displayName))
            case .refused(let field, let message):
                var refused = screen
                // The attempt has just caught up and recorded this try.
                refused.refused(field: field, message: message, newCaptcha: captchaIfNeeded(refreshing: false))
                page = .accountLogin(refused)
            }
        } catch {
            // The journal refused the record (disk full, failed sync): nothing was logged in.
            overlay = .message(ModalDialog(title: "无法登录", message: "登录记录无法保存：\(error)。请联系管理员，稍后再试。",
                                           buttons: ["知道了"], tone: .error))
        }
    }
}
