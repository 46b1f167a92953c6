@testable import CardDomain
import Testing

/// 账号管理 and logins for everyone in the records (issue 27): the platform's identification
/// is a person's login; a disabled account is refused by every method; the refusals an
/// administrator meets; temporary passwords that lapse.
@Suite struct AccountManagementTests {
    static let retiree = "110105195609090137"  // 孙建国, in the records, no account
    static let retireePhone = "13900030001"
    static let platform = Actor.system("platform")
    static let terminal = Actor(username: "", role: .person)
    static let hash = try! PasswordHash.make(password: "Kq7#mZp2vL", salt: Array(repeating: 7, count: 16),
                                             parameters: .init(logCost: 10, blockSize: 8, parallelism: 1)).description
    static let boss = Actor(username: "boss", role: .administrator)

    /// The demo's units and persons, and one administrator, `boss`, set up as `sscard setup` does.
    func deployment() -> CardState {
        var state = DomainFixture.seededState()
        state.run(.recordAccount(AccountRecord(username: "boss", role: .administrator, displayName: "管理员", passwordHash: Self.hash)),
                  by: .system("setup"))
        return state
    }

    func decided(_ command: Command, by actor: Actor, in state: CardState, at now: Int64 = DomainFixture.now) -> Result<[DomainEvent], CommandRefusal> {
        let context = CommandContext(now: now, today: DomainFixture.today, terminal: "pts/test", channel: .web)
        return state.decide(command, by: actor, context: context, reference: DomainFixture.reference)
    }

    func refusal(_ outcome: Result<[DomainEvent], CommandRefusal>) -> String? {
        if case .failure(let refusal) = outcome { return refusal.description }
        return nil
    }

    func attempt(_ outcome: Result<[DomainEvent], CommandRefusal>) -> LoginAttempt? {
        guard case .success(let events) = outcome, case .loginAttempted(let attempt)? = events.first else { return nil }
        return attempt
    }

    func codeLogin(_ identity: String, code: String = "ACDEFHJK", in state: inout CardState) -> Result<[DomainEvent], CommandRefusal> {
        let hash = LoginCode.hash(code)
        state.run(.requestLoginCode(codeHash: hash, method: "qrScan", actor: "person"), by: Self.terminal, channel: .web)
        state.run(.decideLoginCode(code: code, identity: identity, reason: nil), by: Self.platform, channel: .web)
        return state.run(.completeCodeLogin(codeHash: hash), by: Self.terminal, channel: .web)
    }

    @Test func aPersonInTheRecordsLogsInThroughThePlatformWithoutAnAccount() {
        var state = deployment()
        #expect(state.accounts[Self.retiree] == nil)
        guard case .success(let events) = codeLogin(Self.retiree, in: &state),
              case .loginAttempted(let attempt)? = events.first else { Issue.record("refused"); return }
        #expect(attempt.username == Self.retiree && attempt.succeeded)
        #expect(state.loginAccount(Self.retiree)?.role == .person && state.loginAccount(Self.retiree)?.displayName == "孙建国")
        // 民生一卡通's SMS login: the code to the 卡预留手机号 is the login.
        var sms = deployment()
        sms.run(.requestSMSCode(phone: Self.retireePhone, codeHash: "x"), by: Self.terminal, channel: .minsheng)
        guard case .success(let checked) = sms.run(.checkSMSCode(phone: Self.retireePhone, codeMatched: true), by: Self.terminal,
                                                   channel: .minsheng) else { Issue.record("sms refused"); return }
        #expect(checked.contains { if case .loginAttempted(let a) = $0 { return a.username == Self.retiree } else { return false } })
    }

    @Test func aDisabledAccountIsRefusedByEveryMethod() {
        var state = deployment()
        state.run(.changeAccount(.disable(username: Self.retiree)), by: Self.boss)
        #expect(state.accounts[Self.retiree]?.isDisabled == true)
        #expect(refusal(codeLogin(Self.retiree, in: &state)) == CardState.disabledMessage)
        // Disabled after the platform approved a code: the code no longer logs in.
        var late = deployment()
        let hash = LoginCode.hash("ACDEFHJK")
        late.run(.requestLoginCode(codeHash: hash, method: "qrScan", actor: "person"), by: Self.terminal, channel: .web)
        late.run(.decideLoginCode(code: "ACDEFHJK", identity: Self.retiree, reason: nil), by: Self.platform, channel: .web)
        late.run(.changeAccount(.disable(username: Self.retiree)), by: Self.boss)
        #expect(refusal(late.run(.completeCodeLogin(codeHash: hash), by: Self.terminal, channel: .web)) == CardState.disabledMessage)
        // SMS.
        state.run(.requestSMSCode(phone: Self.retireePhone, codeHash: "x"), by: Self.terminal, channel: .minsheng)
        #expect(refusal(state.run(.checkSMSCode(phone: Self.retireePhone, codeMatched: true), by: Self.terminal, channel: .minsheng))
                == CardState.disabledMessage)
        // A password account: the right password is refused, and the refusal does not count as a guess.
        state.run(.changeAccount(.create(AccountRecord(username: "guitai09", role: .counterClerk, displayName: "王芳", passwordHash: Self.hash,
                                                       workplace: "中国工商银行北京朝阳支行"))), by: Self.boss)
        state.run(.changeAccount(.disable(username: "guitai09")), by: Self.boss)
        guard let attempt = attempt(decided(.recordLoginAttempt(username: "guitai09", method: "staff", passwordMatched: true),
                                            by: Self.terminal, in: state)) else { Issue.record("no attempt recorded"); return }
        #expect(!attempt.succeeded && attempt.refusal == .disabled)
        // A unit certificate or a 法人 code: a unit whose only operator is disabled has nobody to log in as.
        state.run(.changeAccount(.create(AccountRecord(username: "op-10000002", role: .unitOperator, displayName: "经办人",
                                                       passwordHash: Self.hash, unitNumber: "10000002"))), by: Self.boss)
        state.run(.changeAccount(.disable(username: "op-10000002")), by: Self.boss)
        let login = CertificateLogin(serial: "0A", creditCode: "12110105400123456L", nonce: "n1", expiresAt: DomainFixture.now + 60_000_000)
        #expect(refusal(state.run(.completeCertificateLogin(login), by: Self.terminal, channel: .web))?.contains("没有可用的经办人账号") == true)
        #expect(state.approval(of: "10000002", for: "unitOperator") == .denied(reason: "北京市朝阳区示范社区卫生服务中心 还没有可用的经办人账号，请联系社保经办机构开通"))
        // Enabled again, it logs in.
        state.run(.changeAccount(.enable(username: Self.retiree)), by: Self.boss)
        var again = state
        #expect(refusal(codeLogin(Self.retiree, code: "KJHFEDCA", in: &again)) == nil)
    }

    @Test func anAdministratorIsRefusedWhatWouldLockEveryoneOutOrBreakTheLists() {
        var state = deployment()
        #expect(refusal(decided(.changeAccount(.disable(username: "boss")), by: Self.boss, in: state))?.contains("不能停用自己") == true)
        let other = Actor(username: "other", role: .administrator)
        #expect(refusal(decided(.changeAccount(.disable(username: "boss")), by: other, in: state))?.contains("最后一个可用的管理员") == true)
        #expect(refusal(decided(.changeAccount(.setRole(username: "boss", role: .backOffice, workplace: nil, unitNumber: nil)), by: other,
                                in: state))?.contains("最后一个可用的管理员") == true)
        #expect(refusal(decided(.changeAccount(.setRole(username: "boss", role: .backOffice, workplace: nil, unitNumber: nil)), by: Self.boss,
                                in: state))?.contains("不能更改自己的角色") == true)
        func create(_ account: AccountRecord) -> String? { refusal(decided(.changeAccount(.create(account)), by: Self.boss, in: state)) }
        #expect(create(AccountRecord(username: "BOSS", role: .backOffice, displayName: "张", passwordHash: Self.hash))?.contains("已被使用") == true)
        #expect(create(AccountRecord(username: "op9", role: .unitOperator, displayName: "张", passwordHash: Self.hash, unitNumber: "99999999"))?
            .contains("不在单位名录中") == true)
        #expect(create(AccountRecord(username: "gt9", role: .counterClerk, displayName: "张", passwordHash: Self.hash, workplace: "火星支行"))?
            .contains("不在网点名录中") == true)
        #expect(create(AccountRecord(username: "110105195609090137", role: .backOffice, displayName: "张", passwordHash: Self.hash))?
            .contains("以字母开头") == true)
        #expect(create(AccountRecord(username: "gt9", role: .backOffice, displayName: "张", passwordHash: "Kq7#mZp2vL"))?
            .contains("不能保存明文") == true)
        #expect(refusal(decided(.changeAccount(.disable(username: "boss")), by: Actor(username: "guitai01", role: .counterClerk), in: state))
                == "只有管理员可以管理账号")
        // With a second administrator, the first may be disabled by the second.
        state.run(.changeAccount(.create(AccountRecord(username: "admin2", role: .administrator, displayName: "李", passwordHash: Self.hash))),
                  by: Self.boss)
        #expect(refusal(decided(.changeAccount(.disable(username: "boss")), by: Actor(username: "admin2", role: .administrator), in: state)) == nil)
    }

    @Test func aTemporaryPasswordMustBeChangedAndLapsesAfterThePolicysHours() {
        var state = deployment()
        state.run(.changeAccount(.create(AccountRecord(username: "guitai09", role: .counterClerk, displayName: "王芳", passwordHash: Self.hash,
                                                       workplace: "中国工商银行北京朝阳支行"))), by: Self.boss)
        let hours = Int64(DomainFixture.reference.loginPolicy.temporaryPasswordHours)
        #expect(hours == 72)
        #expect(state.accounts["guitai09"]?.mustChangePassword == true)
        #expect(state.accountStatus(state.accounts["guitai09"]!, now: DomainFixture.now) == .mustChangePassword)
        let login = Command.recordLoginAttempt(username: "guitai09", method: "staff", passwordMatched: true)
        let justBefore = DomainFixture.now + hours * 3_600_000_000 - 1
        guard let inTime = attempt(decided(login, by: Self.terminal, in: state, at: justBefore)),
              let late = attempt(decided(login, by: Self.terminal, in: state, at: justBefore + 1)) else { Issue.record("no attempts"); return }
        #expect(inTime.succeeded && !late.succeeded && late.refusal == .temporaryPasswordExpired)
        // Only the account itself changes its password, and the change ends the temporary one.
        let clerk = Actor(username: "guitai09", role: .counterClerk)
        #expect(refusal(decided(.changeAccount(.changeOwnPassword(username: "guitai09", passwordHash: Self.hash)), by: Self.boss, in: state))
                == "只能修改本人账号的密码")
        state.run(.changeAccount(.changeOwnPassword(username: "guitai09", passwordHash: Self.hash)), by: clerk)
        #expect(state.accounts["guitai09"]?.mustChangePassword == false)
        guard let later = attempt(decided(login, by: Self.terminal, in: state, at: justBefore + 1)) else { Issue.record("no attempt"); return }
        #expect(later.succeeded)
        // A reset gives a new temporary password and ends a lock.
        state.run(.recordLoginAttempt(username: "guitai09", method: "staff", passwordMatched: false), by: Self.terminal)
        #expect(state.loginFailures["guitai09"] == 1)
        state.run(.changeAccount(.resetPassword(username: "guitai09", passwordHash: Self.hash)), by: Self.boss)
        #expect(state.loginFailures["guitai09"] == nil && state.accounts["guitai09"]?.mustChangePassword == true)
        #expect(refusal(decided(.changeAccount(.unlock(username: "guitai09")), by: Self.boss, in: state))?.contains("没有被锁定") == true)
    }
}
