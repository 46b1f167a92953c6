import CardDomain
import CardStore

/// 账号登录 / 口令登录 / staff login, for real (D10): the account is found by user name,
/// 证件号码 or 卡预留手机号; the password is checked against its scrypt hash; every try is
/// recorded (a wrong captcha and a try while locked too), five wrong passwords in a row
/// lock the account, and a failure asks the next try at this terminal, and for this
/// account anywhere, for a captcha.
public struct AccountLogin {
    public enum Outcome: Equatable {
        case loggedIn(Actor, displayName: String)
        /// The password was a temporary one: the account sets its own before anything else.
        case mustChangePassword(Actor, displayName: String)
        /// Refused; `field` is the form field to fix (login, password or captcha).
        case refused(field: String, message: String)
    }

    let repository: CardRepository
    let context: CommandContext

    public init(repository: CardRepository, context: CommandContext) {
        self.repository = repository
        self.context = context
    }

    /// Which roles may log in through a login group's tab.
    public static func roles(for groupActor: String) -> Set<Role> {
        switch groupActor {
        case "person": return [.person]
        case "unitOperator": return [.unitOperator]
        default: return [.counterClerk, .backOffice, .administrator]
        }
    }

    /// One try. `expectedCaptcha` is the code on screen, nil when none was shown. The
    /// password is always checked (outside the journal's lock: scrypt is slow), so the
    /// time a refusal takes says nothing; the decision is made under the lock.
    public func attempt(login: String, password: String, captcha: String, expectedCaptcha: String?,
                        groupActor: String, method: String) throws -> Outcome {
        try repository.refresh(within: AppModel.refreshSlice)
        let policy = repository.reference.loginPolicy
        let account = repository.state.account(matching: login.trimmingSpaces)
        let matched = account.flatMap { PasswordHash(encoded: $0.passwordHash) }?.verify(password) ?? false
        let answer: CaptchaAnswer = expectedCaptcha == nil ? .notAsked : (captcha == expectedCaptcha ? .correct : .wrong)
        let actor = Actor(username: account?.username ?? "未知账号", role: account?.role ?? .person)
        let events = try repository.execute(
            .recordLoginAttempt(username: account?.username, method: method, passwordMatched: matched, captcha: answer),
            by: actor, context: context)
        guard case .loginAttempted(let attempt)? = events.first else {
            return .refused(field: "login", message: "登录记录无法保存，请稍后再试")
        }
        switch attempt.refusal {
        case .wrongCaptcha?:
            let message = answer == .notAsked ? "该账号上次登录失败，请输入图中的验证码"
                : captcha.isEmpty ? "请输入图中的验证码" : "验证码不正确，请输入新图中的数字"
            return .refused(field: "captcha", message: message)
        case .locked?:
            let until = repository.state.lockedUntil(attempt.username ?? "", now: context.now) ?? context.now
            return .refused(field: "password", message: LoginAttempt.lockedMessage(until: until, policy: policy))
        case .disabled?:
            return .refused(field: "login", message: CardState.disabledMessage)
        case .temporaryPasswordExpired?:
            return .refused(field: "password", message: "临时密码已过期，请联系管理员重新设置")
        case .wrongPassword?, nil:
            break
        }
        guard attempt.succeeded, let account else {
            if let until = attempt.lockedUntil {
                return .refused(field: "password", message: LoginAttempt.lockedMessage(until: until, policy: policy))
            }
            // The same words whether or not the name is someone's: no hint of who is recorded.
            let unset = groupActor == "person" ? "。还没有设置登录密码请选「注册」，忘记了请选「忘记密码」" : "，请重新输入"
            return .refused(field: "password", message: "用户名或密码不正确" + unset)
        }
        guard AccountLogin.roles(for: groupActor).contains(account.role) else {
            return .refused(field: "login", message: "这是「\(account.role.rawValue)」账号，请返回选择对应的登录身份")
        }
        let admitted = Actor(username: account.username, role: account.role, personNumber: account.personNumber,
                             unitNumber: account.unitNumber)
        return account.mustChangePassword ? .mustChangePassword(admitted, displayName: account.displayName)
            : .loggedIn(admitted, displayName: account.displayName)
    }
}
