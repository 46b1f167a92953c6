/// 手机号验证码登录 and 实名认证 (民生一卡通, DOMAIN.md A.4): a code goes only to a number that
/// is someone's 卡预留手机号, not again within the resend wait; five wrong codes in a row lock
/// the number. A refusal never says whose number it is.
extension CardState {
    func requestSMSCode(phone: String, codeHash: String, now: Int64, policy: SMSPolicy) -> Result<[DomainEvent], CommandRefusal> {
        let number: MobileNumber
        switch MobileNumber.parse(phone, field: "手机号") {
        case .success(let parsed): number = parsed
        case .failure(let problem): return .failure(.invalid([problem]))
        }
        guard persons.documentNumber(ofMobile: number.value) != nil else {
            return .failure(.refused("该手机号不是社保卡预留手机号，不能用验证码登录。请改用其他登录方式，或携带身份证到社保卡服务网点核实"))
        }
        if let login = smsLogins[number.value] {
            if let until = login.lockedUntil, until > now {
                return .failure(.refused(SMSLogin.lockedMessage(until: until)))
            }
            let wait = login.sentAt + Int64(policy.resendSeconds) * 1_000_000 - now
            if wait > 0 {
                return .failure(.refused("验证码已发送，请 \((wait + 999_999) / 1_000_000) 秒后再重新获取"))
            }
        }
        let expires = now + Int64(policy.codeMinutes) * 60_000_000
        return .success([.smsCodeSent(.init(phone: number.value, codeHash: codeHash, expiresAt: expires))])
    }

    func checkSMSCode(phone: String, codeMatched: Bool, now: Int64, policy: SMSPolicy) -> Result<[DomainEvent], CommandRefusal> {
        guard let login = smsLogins[phone] else { return .failure(.refused("请先获取验证码")) }
        if let until = login.lockedUntil, until > now {
            return .failure(.refused(SMSLogin.lockedMessage(until: until)))
        }
        guard !login.used else { return .failure(.refused("该验证码已经用过，请重新获取")) }
        guard now < login.expiresAt else { return .failure(.refused("验证码已过期，请重新获取")) }
        guard codeMatched else {
            let lock = login.failures + 1 >= policy.maxFailures ? now + Int64(policy.lockMinutes) * 60_000_000 : nil
            return .success([.smsCodeChecked(.init(phone: phone, succeeded: false, lockedUntil: lock))])
        }
        guard let person = person(matching: phone), let account = loginAccount(person.documentNumber) else {
            return .failure(.refused("该手机号不是参保人员的卡预留手机号，请核对"))
        }
        guard !account.isDisabled else { return .failure(.refused(Self.disabledMessage)) }
        return .success([.smsCodeChecked(.init(phone: phone, succeeded: true)),
                         .loginAttempted(LoginAttempt(username: account.username, method: "smsCode", succeeded: true))])
    }

    /// Wrong codes left before the number locks, after the last check.
    public func smsTriesLeft(_ phone: String, policy: SMSPolicy) -> Int {
        max(0, policy.maxFailures - (smsLogins[phone]?.failures ?? 0))
    }

    mutating func applySMSCheck(_ checked: DomainEvent.SMSCodeChecked) {
        guard var login = smsLogins[checked.phone] else { return }
        if checked.succeeded {
            login.used = true
            login.failures = 0
        } else if let lock = checked.lockedUntil {
            login.lockedUntil = lock
            login.failures = 0
        } else {
            login.failures += 1
        }
        smsLogins[checked.phone] = login
    }

    /// 实名认证's last step: the face check's code was approved for this very person.
    func completeRealName(_ number: String, codeHash: String, channel: Channel, now: Int64) -> Result<[DomainEvent], CommandRefusal> {
        guard let person = persons.person(number) else { return .failure(.notFound("没有找到该人员的参保信息")) }
        guard let code = loginCodes[codeHash], !code.used else { return .failure(.refused("人脸核验码无效，请重新开始人脸核验")) }
        guard now < code.expiresAt else { return .failure(.refused("人脸核验码已过期，请重新开始人脸核验")) }
        switch code.decision {
        case .approved(let account)?:
            guard account == person.documentNumber else {
                return .failure(.refused("人脸核验的身份与填写的身份证号不一致，请本人重新核验"))
            }
            if realNames[number]?.contains(channel) == true { return .success([]) }
            return .success([.realNameVerified(.init(personNumber: number, codeHash: codeHash))])
        case .denied(let reason)?:
            return .failure(.refused(reason))
        case nil:
            return .failure(.refused("人脸核验还没有完成，请稍候"))
        }
    }
}
