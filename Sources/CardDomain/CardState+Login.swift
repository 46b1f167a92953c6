extension CardState {
    /// Until when `username` is locked at `now`, or nil when it may log in.
    public func lockedUntil(_ username: String, now: Int64) -> Int64? {
        guard let until = loginLocks[username], until > now else { return nil }
        return until
    }

    /// Whether the next try from `terminal` (for `username`, when known) must answer a
    /// captcha: after a failure at that terminal or for that account, until a success.
    public func needsCaptcha(terminal: String, username: String? = nil) -> Bool {
        captchaTerminals.contains(terminal) || username.map(captchaAccounts.contains) == true
    }

    /// The account a login name means: the user name itself, or a person's 证件号码 or
    /// 卡预留手机号 (账号登录 accepts all three).
    public func account(matching login: String) -> AccountRecord? {
        if let account = accounts[login] ?? accounts[login.uppercased()] { return account }
        guard let person = person(matching: login) else { return nil }
        return accounts[person.documentNumber]
    }

    /// The event for one try, whatever its outcome: every try is recorded. A captcha that
    /// was needed and not answered right refuses first (the password then counts for
    /// nothing); a locked account refuses next, without extending the lock; a wrong
    /// password counts, and locks the account on the policy's last allowed try.
    func decideLogin(username: String?, method: String, passwordMatched: Bool, captcha: CaptchaAnswer,
                     terminal: String, now: Int64, policy: LoginPolicy) -> Result<[DomainEvent], CommandRefusal> {
        func failed(_ refusal: LoginAttempt.Refusal, lock: Int64? = nil) -> Result<[DomainEvent], CommandRefusal> {
            .success([.loginAttempted(LoginAttempt(username: username, method: method, succeeded: false,
                                                   lockedUntil: lock, refusal: refusal))])
        }
        if needsCaptcha(terminal: terminal, username: username), captcha != .correct { return failed(.wrongCaptcha) }
        if let username, lockedUntil(username, now: now) != nil { return failed(.locked) }
        if let username, accounts[username]?.isDisabled == true { return failed(.disabled) }
        if passwordMatched, let username, let expires = accounts[username]?.temporaryPasswordExpiresAt, expires <= now {
            return failed(.temporaryPasswordExpired)
        }
        guard passwordMatched, let username else {
            var lock: Int64? = nil
            if let username, (loginFailures[username] ?? 0) + 1 >= policy.maxFailures {
                lock = now + Int64(policy.lockMinutes) * 60_000_000
            }
            return failed(.wrongPassword, lock: lock)
        }
        return .success([.loginAttempted(LoginAttempt(username: username, method: method, succeeded: true))])
    }

    mutating func applyLogin(_ attempt: LoginAttempt, terminal: String, at: Int64) {
        if let nonce = attempt.challengeNonce {
            // A challenge lives at most `maximumChallengeSeconds` from before its use, so a
            // nonce used longer ago than that can only come back expired: forget it.
            let horizon = at - CertificateLogin.maximumChallengeSeconds * 1_000_000
            usedChallenges = usedChallenges.filter { $0.value >= horizon }
            usedChallenges[nonce] = at
        }
        if let serial = attempt.certificateSerial, attempt.succeeded {
            certificateFailures[serial] = nil
            for identity in attempt.certificateLockIdentities ?? [] { certificateFailures[identity] = nil }
        }
        if attempt.succeeded {
            captchaTerminals.remove(terminal)
            if let username = attempt.username {
                loginFailures[username] = nil
                captchaAccounts.remove(username)
            }
            return
        }
        captchaTerminals.insert(terminal)
        guard let username = attempt.username else { return }
        captchaAccounts.insert(username)
        if let until = attempt.lockedUntil {
            loginLocks[username] = until
            loginFailures[username] = nil
        } else if attempt.refusal == nil || attempt.refusal == .wrongPassword {
            // A disabled account or a lapsed temporary password is not a guess: no count.
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
