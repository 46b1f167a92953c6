extension CardState {
    /// Until when `username` is locked at `now`, or nil when it may log in.
    public func lockedUntil(_ username: String, now: Int64) -> Int64? {
        guard let until = loginLocks[username], until > now else { return nil }
        return until
    }

    /// Whether the next try from `terminal` must answer a captcha: after a failure there,
    /// until a success there.
    public func needsCaptcha(terminal: String) -> Bool {
        captchaTerminals.contains(terminal)
    }

    /// The account a login name means: the user name itself, or a person's 证件号码 or
    /// 卡预留手机号 (账号登录 accepts all three).
    public func account(matching login: String) -> AccountRecord? {
        if let account = accounts[login] ?? accounts[login.uppercased()] { return account }
        guard let person = person(matching: login) else { return nil }
        return accounts[person.documentNumber]
    }

    /// The events for a try whose password check gave `passwordMatched`: a success, or a
    /// failure that locks the account on the policy's last allowed try.
    func decideLogin(username: String?, method: String, passwordMatched: Bool, now: Int64,
                     policy: LoginPolicy) -> Result<[DomainEvent], CommandRefusal> {
        if let username, let until = lockedUntil(username, now: now) {
            return .failure(.refused(LoginAttempt.lockedMessage(until: until, policy: policy)))
        }
        guard passwordMatched, let username else {
            var lock: Int64? = nil
            if let username, (loginFailures[username] ?? 0) + 1 >= policy.maxFailures {
                lock = now + Int64(policy.lockMinutes) * 60_000_000
            }
            return .success([.loginAttempted(LoginAttempt(username: username, method: method, succeeded: false, lockedUntil: lock))])
        }
        return .success([.loginAttempted(LoginAttempt(username: username, method: method, succeeded: true))])
    }

    mutating func applyLogin(_ attempt: LoginAttempt, terminal: String) {
        if attempt.succeeded {
            captchaTerminals.remove(terminal)
            if let username = attempt.username { loginFailures[username] = nil }
            return
        }
        captchaTerminals.insert(terminal)
        guard let username = attempt.username else { return }
        if let until = attempt.lockedUntil {
            loginLocks[username] = until
            loginFailures[username] = nil
        } else {
            loginFailures[username, default: 0] += 1
        }
    }
}

extension LoginAttempt {
    /// "账号已锁定…" with the Beijing time the lock ends.
    public static func lockedMessage(until: Int64, policy: LoginPolicy) -> String {
        "密码连续错误 \(policy.maxFailures) 次，账号已锁定 \(policy.lockMinutes) 分钟，请于 "
            + "\(BeijingTime.clock(microseconds: until)) 后再试"
    }
}
