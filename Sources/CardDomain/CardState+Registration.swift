/// 注册 and 忘记密码 (D18): a person proves who they are with the SMS code sent to their
/// 卡预留手机号, then sets the password 账号登录 checks. The code's limits are the SMS
/// login's (wait, expiry, five wrong tries lock the number); a wrong code for someone not
/// in the records reads the same as any wrong code, so the answer names nobody.
extension CardState {
    public static let codeRefusal = "验证码不正确或已过期，请核对或重新获取"

    func setPasswordWithSMS(_ number: String, codeMatched: Bool, passwordHash: String, now: Int64,
                            policy: SMSPolicy) -> Result<[DomainEvent], CommandRefusal> {
        guard let person = persons.person(number), let phone = person.mobile, smsLogins[phone] != nil else {
            return .failure(.refused(Self.codeRefusal))
        }
        guard PasswordHash(encoded: passwordHash) != nil else {
            return .failure(.invalid([FieldProblem(field: "密码", message: "只能保存 scrypt 密码摘要，不能保存明文")]))
        }
        switch checkSMSCode(phone: phone, codeMatched: codeMatched, now: now, policy: policy) {
        case .failure(let refusal):
            return .failure(refusal)
        case .success(let events):
            // The check's own login is left out: setting a password is not a login.
            let checks = events.filter { if case .smsCodeChecked = $0 { return true } else { return false } }
            guard case .smsCodeChecked(let checked)? = checks.first, checked.succeeded,
                  var account = loginAccount(person.documentNumber) else { return .success(checks) }
            let kind: AccountChange.Kind = account.passwordHash.isEmpty ? .registered : .passwordChanged
            account.passwordHash = passwordHash
            account.temporaryPasswordExpiresAt = nil
            return .success(checks + [.accountChanged(AccountChange(kind: kind, account: account))])
        }
    }
}
