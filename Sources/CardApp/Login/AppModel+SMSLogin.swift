import CardDomain
import CardStore
import TerminalUI

/// 手机号验证码登录 (民生一卡通): the code goes out through the SMS gateway port, only its
/// scrypt hash is recorded, and the typed code is checked against it here, outside the
/// journal's lock, as passwords are.
extension AppModel {
    mutating func handleSMSLogin(_ key: Key, _ screen: SMSLoginScreen, now: Int64) {
        var screen = screen
        if key == .escape { return backToLoginChoice() }
        let (_, action) = screen.handle(key)
        page = .smsLogin(screen)
        switch action {
        case .send(let phone)?: sendSMSCode(to: phone, on: screen, now: now)
        case .logIn(let phone, let code)?: checkSMSCode(code, for: phone, on: screen, now: now)
        case .back?: backToLoginChoice()
        case nil: break
        }
    }

    private mutating func sendSMSCode(to typed: String, on screen: SMSLoginScreen, now: Int64) {
        var screen = screen
        let policy = environment.repository.reference.loginPolicy.sms
        guard case .success(let phone) = MobileNumber.parse(typed, field: "手机号") else {
            screen.refused("请输入 11 位手机号码", field: "phone", now: now)
            return page = .smsLogin(screen)
        }
        let code = environment.smsCodeSource()
        do {
            var generator = SystemRandomNumberGenerator()
            let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let hash = try PasswordHash.make(password: code, salt: salt).description
            try environment.repository.execute(.requestSMSCode(phone: phone.value, codeHash: hash),
                                               by: Actor(username: "", role: .person), context: environment.context(now: now))
        } catch let refusal as CommandRefusal {
            screen.refused("\(refusal)", field: "phone", now: now)
            return page = .smsLogin(screen)
        } catch {
            return overlay = message("无法获取验证码", "记录无法保存：\(error)。请稍后再试。", tone: .error)
        }
        let sent = environment.repository.state.smsLogins[phone.value]
        let expires = sent?.expiresAt ?? now
        do {
            try environment.smsGateway.send("【北京社保】您的登录验证码为 \(code)，\(policy.codeMinutes) 分钟内有效，请勿告诉他人。",
                                            to: phone.value, at: now)
        } catch {
            screen.refused("短信未能发出（\(error)），请 \(policy.resendSeconds) 秒后重新获取", field: "phone", now: now)
            return page = .smsLogin(screen)
        }
        screen.sent(to: phone.value, resendAt: now + Int64(policy.resendSeconds) * 1_000_000, expiresAt: expires, now: now)
        page = .smsLogin(screen)
    }

    private mutating func checkSMSCode(_ code: String, for typed: String, on screen: SMSLoginScreen, now: Int64) {
        var screen = screen
        let policy = environment.repository.reference.loginPolicy.sms
        catchUp()
        let phone = (try? MobileNumber.parse(typed).get())?.value ?? typed
        let matched = environment.repository.state.smsLogins[phone].flatMap { PasswordHash(encoded: $0.codeHash) }?.verify(code) ?? false
        let events: [DomainEvent]
        do {
            events = try environment.repository.execute(.checkSMSCode(phone: phone, codeMatched: matched),
                                                        by: Actor(username: "", role: .person), context: environment.context(now: now))
        } catch let refusal as CommandRefusal {
            screen.refused("\(refusal)", field: "code", now: now)
            return page = .smsLogin(screen)
        } catch {
            return overlay = message("无法登录", "登录记录无法保存：\(error)。请联系管理员，稍后再试。", tone: .error)
        }
        if case .smsCodeChecked(let checked)? = events.first, !checked.succeeded {
            let left = environment.repository.state.smsTriesLeft(phone, policy: policy)
            let text = checked.lockedUntil.map(SMSLogin.lockedMessage(until:))
                ?? "验证码不正确，还可以再试 \(left) 次"
            screen.refused(text, field: "code", now: now)
            return page = .smsLogin(screen)
        }
        admit(loggedIn: events, group: screen.group)
    }
}
