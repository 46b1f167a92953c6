import CardDomain
import CardStore
import TerminalUI

/// 注册 and 忘记密码 (D18): the code goes only to the 卡预留手机号 of the person whose 姓名 and
/// 身份证号 match, through the SMS gateway port; the page reads the same whether or not
/// anyone matched. The password rules are checked before anything is recorded.
extension AppModel {
    mutating func handleRegistration(_ key: Key, _ screen: RegistrationScreen, now: Int64) {
        var screen = screen
        if key == .escape { return page = .accountLogin(screen.login) }
        let (_, action) = screen.handle(key)
        page = .registration(screen)
        switch action {
        case .send(let name, let idNumber)?:
            screen.sent(idNumber: idNumber, person: sendRegistrationCode(name: name, idNumber: idNumber, now: now))
            page = .registration(screen)
        case .set(let code, let password)?: setPassword(code: code, password: password, on: screen, now: now)
        case .back?: page = .accountLogin(screen.login)
        case nil: break
        }
    }

    /// The matched person's number when the code went out; nil otherwise, said nowhere.
    private mutating func sendRegistrationCode(name: String, idNumber: String, now: Int64) -> String? {
        catchUp()
        guard let person = environment.repository.state.person(idNumber), person.name == PersonName.normalised(name),
              let phone = person.mobile else { return nil }
        let policy = environment.repository.reference.loginPolicy.sms
        let code = environment.smsCodeSource()
        guard let hash = try? PasswordMaker.hash(code),
              (try? environment.repository.execute(.requestSMSCode(phone: phone, codeHash: hash), by: Actor(username: "", role: .person),
                                                   context: environment.context(now: now))) != nil else {
            // A wait or a lock on the number: the code of a minute ago is still the one to type.
            return person.documentNumber
        }
        try? environment.smsGateway.send("【北京社保】您正在设置社保卡服务登录密码，验证码为 \(code)，\(policy.codeMinutes) 分钟内有效，请勿告诉他人。",
                                          to: phone, at: now)
        return person.documentNumber
    }

    private mutating func setPassword(code: String, password: String, on screen: RegistrationScreen, now: Int64) {
        var screen = screen
        let state = environment.repository.state
        let person = screen.person.flatMap { state.person($0) }
        let owner = PasswordRules.Owner(username: nil, documentNumber: screen.idNumber, phone: person?.mobile)
        if let problem = PasswordRules(dictionary: environment.passwordDictionary).problem(password, owner: owner) {
            screen.refused("新密码" + problem.message, field: "newPassword")
            return page = .registration(screen)
        }
        guard let person, let phone = person.mobile else {
            screen.refused(CardState.codeRefusal, field: "code")
            return page = .registration(screen)
        }
        catchUp()
        let matched = environment.repository.state.smsLogins[phone].flatMap { PasswordHash(encoded: $0.codeHash) }?.verify(code) ?? false
        do {
            let hash = try PasswordMaker.hash(password)
            let events = try environment.repository.execute(.setPasswordWithSMS(personNumber: person.documentNumber, codeMatched: matched,
                                                                                passwordHash: hash),
                                                            by: Actor(username: "", role: .person), context: environment.context(now: now))
            guard events.contains(where: { if case .accountChanged = $0 { return true } else { return false } }) else {
                let locked = environment.repository.state.smsLogins[phone]?.lockedUntil.map(SMSLogin.lockedMessage(until:))
                screen.refused(locked ?? CardState.codeRefusal, field: "code")
                return page = .registration(screen)
            }
        } catch let refusal as CommandRefusal {
            screen.refused(refusal.description, field: "code")
            return page = .registration(screen)
        } catch {
            return overlay = message("无法设置密码", "记录无法保存：\(error)。没有改动任何数据，请稍后再试。", tone: .error)
        }
        page = .accountLogin(AccountLoginScreen(group: screen.login.group, method: screen.login.method, captcha: captchaIfNeeded(),
                                                login: screen.idNumber ?? ""))
        overlay = message("密码已设置", "登录密码已设置。请用身份证号或卡预留手机号和新密码登录。", tone: .title, button: "去登录")
    }
}
