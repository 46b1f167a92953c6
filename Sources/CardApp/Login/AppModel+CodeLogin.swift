import CardDomain
import CardStore
import TerminalUI

/// Platform logins through the identity port (D10): a one-time code is shown and recorded
/// by its hash; each tick catches up with the journal, and once the port approves, the
/// terminal logs in with the code (once, before it expires), or shows the refusal.
extension AppModel {
    mutating func startCodeLogin(_ group: ChannelProfile.LoginGroup, _ method: ChannelProfile.LoginMethod, now: Int64) {
        let code = environment.loginCodeSource()
        let hash = LoginCode.hash(code)
        do {
            try environment.repository.execute(.requestLoginCode(codeHash: hash, method: method.id, actor: group.actor),
                                               by: Actor(username: "", role: .person), context: environment.context(now: now))
        } catch {
            return overlay = message("无法获取登录码", "\(error)。请稍后再试，或改用账号登录。", tone: .error)
        }
        let expires = environment.repository.state.loginCodes[hash]?.expiresAt ?? now
        let instructions = environment.policy.methodNotes[method.id] ?? method.label
        page = .codeLogin(CodeLoginScreen(group: group, method: method, code: code, expiresAt: expires,
                                          instructions: instructions, now: now))
    }

    mutating func handleCodeLogin(_ key: Key, _ screen: CodeLoginScreen, now: Int64) {
        var screen = screen
        if key == .escape { return backToLoginChoice() }
        let (_, action) = screen.handle(key)
        page = .codeLogin(screen)
        switch action {
        case .renew?: startCodeLogin(screen.group, screen.method, now: now)
        case .useAccountLogin?: switchToAccountLogin(screen.group)
        case .back?: backToLoginChoice()
        case nil: break
        }
    }

    /// A tick on the waiting screen: the time left, and the port's answer if it came.
    mutating func followCodeLogin(_ screen: CodeLoginScreen, now: Int64) -> Outcome {
        guard screen.status == .waiting else { return .running }
        var screen = screen
        catchUp()
        guard let code = environment.repository.state.loginCodes[screen.codeHash] else { return .running }
        guard now < code.expiresAt else {
            screen.update(.expired, now: now)
            page = .codeLogin(screen)
            return .redraw
        }
        switch code.decision {
        case .approved?:
            logIn(with: screen, now: now)
            return .redraw
        case .denied(let reason)?:
            screen.update(.denied(reason), now: now)
            page = .codeLogin(screen)
            return .redraw
        case nil:
            screen.update(.waiting, now: now)
            page = .codeLogin(screen)
            return .running
        }
    }

    private mutating func logIn(with screen: CodeLoginScreen, now: Int64) {
        var screen = screen
        do {
            let events = try environment.repository.execute(.completeCodeLogin(codeHash: screen.codeHash),
                                                            by: Actor(username: "", role: .person),
                                                            context: environment.context(now: now))
            admit(loggedIn: events, group: screen.group)
        } catch let refusal as CommandRefusal {
            screen.update(.denied("\(refusal)"), now: now)
            page = .codeLogin(screen)
        } catch {
            overlay = message("无法登录", "登录记录无法保存：\(error)。请联系管理员，稍后再试。", tone: .error)
        }
    }
}
