/// 证书登录 (units): what the journal decides once the terminal has checked the certificate.
/// Five wrong 证书密码 lock the certificate, as with accounts; a revoked certificate, a used
/// or expired challenge, or a credit code no unit has, is refused, each in its own words.
extension CardState {
    func revokeCertificate(_ serial: String, reason: String) -> Result<[DomainEvent], CommandRefusal> {
        let serial = CertificateLogin.normalised(serial)
        guard serial.allSatisfy(\.isHexDigit), !serial.isEmpty else {
            return .failure(.invalid([FieldProblem(field: "证书序列号", message: "应为十六进制数字，如 openssl x509 -serial 所示")]))
        }
        if revokedCertificates[serial] != nil { return .success([]) }
        return .success([.certificateRevoked(.init(serial: serial, reason: reason))])
    }

    /// Until when any of `identities` (see `CertificateLogin.lockIdentities`) is locked at `now`, or nil.
    public func certificateLockedUntil(_ identities: [String], now: Int64) -> Int64? {
        identities.compactMap { certificateLocks[$0] }.filter { $0 > now }.max()
    }

    /// Until when the certificate with this serial is locked (by records from before locks were by key).
    public func certificateLockedUntil(_ serial: String, now: Int64) -> Int64? {
        certificateLockedUntil([CertificateLogin.normalised(serial)], now: now)
    }

    /// Wrong tries left before the key or the unit is locked.
    public func certificateTriesLeft(key: String?, unit: String?, policy: LoginPolicy) -> Int {
        let failures = CertificateLogin.lockIdentities(key: key, unit: unit).map { certificateFailures[$0] ?? 0 }.max() ?? 0
        return max(0, policy.maxFailures - failures)
    }

    func failCertificatePassword(_ serial: String, key: String, unit: String?, now: Int64,
                                 policy: LoginPolicy) -> Result<[DomainEvent], CommandRefusal> {
        let serial = CertificateLogin.normalised(serial)
        let identities = CertificateLogin.lockIdentities(key: key, unit: unit)
        if let until = certificateLockedUntil(identities, now: now) {
            return .failure(.refused(CertificateLogin.lockedMessage(until: until)))
        }
        let reached = identities.contains { (certificateFailures[$0] ?? 0) + 1 >= policy.maxFailures }
        let lock = reached ? now + Int64(policy.lockMinutes) * 60_000_000 : nil
        return .success([.certificatePasswordFailed(.init(serial: serial, key: key, unit: unit, lockedUntil: lock))])
    }

    func completeCertificateLogin(_ login: CertificateLogin, now: Int64) -> Result<[DomainEvent], CommandRefusal> {
        if let reason = revokedCertificates[login.serial] {
            return .failure(.refused("该证书已被吊销（\(reason)），不能登录。请联系证书管理部门重新办理"))
        }
        let identities = [login.serial] + CertificateLogin.lockIdentities(key: login.key, unit: login.creditCode)
        if let until = certificateLockedUntil(identities, now: now) {
            return .failure(.refused(CertificateLogin.lockedMessage(until: until)))
        }
        guard usedChallenges[login.nonce] == nil else { return .failure(.refused("该登录签名已经用过，请重新登录")) }
        guard now < login.expiresAt else { return .failure(.refused("登录签名已过期，请重新登录")) }
        guard login.expiresAt <= now + CertificateLogin.maximumChallengeSeconds * 1_000_000 else {
            return .failure(.refused("登录签名的有效期过长，请重新登录"))
        }
        guard let unit = units.values.first(where: { $0.creditCode == login.creditCode }) else {
            return .failure(.notFound("证书上的统一社会信用代码 \(login.creditCode) 不在单位名录中，请到社保经办机构核实"))
        }
        guard let account = activeOperator(of: unit.number) else {
            return .failure(.refused("\(unit.name) 还没有可用的经办人账号，请联系社保经办机构开通"))
        }
        var attempt = LoginAttempt(username: account.username, method: "certificate", succeeded: true,
                                   certificateSerial: login.serial, challengeNonce: login.nonce)
        attempt.certificateLockIdentities = CertificateLogin.lockIdentities(key: login.key, unit: login.creditCode)
        return .success([.loginAttempted(attempt)])
    }

    mutating func applyCertificatePasswordFailure(_ failed: DomainEvent.CertificatePasswordFailed) {
        for identity in failed.lockIdentities {
            if let lock = failed.lockedUntil {
                certificateLocks[identity] = lock
                certificateFailures[identity] = 0
            } else {
                certificateFailures[identity, default: 0] += 1
            }
        }
    }
}
