import CardDomain
import CardStore
import TerminalUI

/// The session starts here for every login. On a channel that asks 实名认证 (民生一卡通), a
/// person's first login there goes through it first: 姓名 and 身份证号 against the records,
/// then the face check through the identity port. It is recorded, and not asked again.
extension AppModel {
    mutating func admit(_ actor: Actor, displayName: String, group: ChannelProfile.LoginGroup) {
        if group.realNameAuthentication == true, actor.role == .person, let number = actor.personNumber,
           environment.repository.state.realNames[number]?.contains(environment.options.channel) != true {
            page = .realName(RealNameScreen(group: group, pending: actor, displayName: displayName))
            return
        }
        session = Session(actor: actor, displayName: displayName)
        page = homePage(for: actor, displayName: displayName)
    }

    /// Admits the account a recorded successful login names (a platform code, an SMS code,
    /// a certificate); nothing when the events hold none.
    mutating func admit(loggedIn events: [DomainEvent], group: ChannelProfile.LoginGroup) {
        for case .loginAttempted(let attempt) in events where attempt.succeeded {
            guard let username = attempt.username, let account = environment.repository.state.loginAccount(username) else { continue }
            let actor = Actor(username: account.username, role: account.role, personNumber: account.personNumber,
                              unitNumber: account.unitNumber)
            return admit(actor, displayName: account.displayName, group: group)
        }
    }

    mutating func handleRealName(_ key: Key, _ screen: RealNameScreen, now: Int64) {
        var screen = screen
        if key == .escape { return backToLoginChoice() }
        let (_, action) = screen.handle(key)
        page = .realName(screen)
        switch action {
        case .check(let name, let idNumber)?:
            let person = screen.pending.personNumber.flatMap { environment.repository.state.person($0) }
            guard let person, person.name == name, person.documentNumber == idNumber.uppercased() else {
                screen.mismatched("姓名或身份证号与登记信息不一致，请核对后重新填写")
                return page = .realName(screen)
            }
            startFaceCheck(on: screen, now: now)
        case .startAgain?: startFaceCheck(on: screen, now: now)
        case .back?: backToLoginChoice()
        case nil: break
        }
    }

    private mutating func startFaceCheck(on screen: RealNameScreen, now: Int64) {
        var screen = screen
        let code = environment.loginCodeSource()
        do {
            try environment.repository.execute(.requestLoginCode(codeHash: LoginCode.hash(code), method: "realNameFace", actor: "person",
                                                                 expected: screen.pending.personNumber),
                                               by: Actor(username: "", role: .person), context: environment.context(now: now))
        } catch {
            return overlay = message("无法开始人脸核验", "\(error)。请稍后再试。", tone: .error)
        }
        let expires = environment.repository.state.loginCodes[LoginCode.hash(code)]?.expiresAt ?? now
        screen.showFace(code: code, expiresAt: expires, now: now)
        page = .realName(screen)
    }

    /// A tick on a login page that waits for something outside: the platform's answer, the
    /// face check, or the SMS resend countdown. Nil on any other page.
    mutating func followLogin(now: Int64) -> Outcome? {
        switch page {
        case .codeLogin(let screen): return followCodeLogin(screen, now: now)
        case .smsLogin(var screen):
            screen.tick(now: now)
            page = .smsLogin(screen)
            return .running
        case .realName(let screen): return followFaceCheck(screen, now: now)
        default: return nil
        }
    }

    private mutating func followFaceCheck(_ screen: RealNameScreen, now: Int64) -> Outcome {
        guard let face = screen.face, face.refusal == nil else { return .running }
        var screen = screen
        catchUp()
        guard let code = environment.repository.state.loginCodes[face.codeHash] else { return .running }
        guard now < code.expiresAt else {
            screen.faceRefused("核验码已过期，请重新人脸核验", now: now)
            page = .realName(screen)
            return .redraw
        }
        switch code.decision {
        case .approved?:
            do {
                try environment.repository.execute(.completeRealName(personNumber: screen.pending.personNumber ?? "", codeHash: face.codeHash),
                                                   by: screen.pending, context: environment.context(now: now))
                session = Session(actor: screen.pending, displayName: screen.displayName)
                page = homePage(for: screen.pending, displayName: screen.displayName)
            } catch let refusal as CommandRefusal {
                screen.faceRefused("\(refusal)", now: now)
                page = .realName(screen)
            } catch {
                overlay = message("无法完成实名认证", "记录无法保存：\(error)。请联系管理员，稍后再试。", tone: .error)
            }
            return .redraw
        case .denied(let reason)?:
            screen.faceRefused(reason, now: now)
            page = .realName(screen)
            return .redraw
        case nil:
            screen.update(now: now)
            page = .realName(screen)
            return .running
        }
    }
}
