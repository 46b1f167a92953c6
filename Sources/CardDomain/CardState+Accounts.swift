/// 账号管理 (D18): who may log in as what, and the changes an administrator makes. A person
/// in the records needs no account to log in through a platform that identifies them (扫码,
/// 人脸识别, 短信): that identification is the login. A stored account for a person holds
/// only what they set themselves (a password for 账号登录) or an administrator's 停用.
extension CardState {
    /// The account a login names: the recorded one, or, for a person in the records who has
    /// none, the person themselves (no password, so 账号登录 cannot use it).
    public func loginAccount(_ username: String) -> AccountRecord? {
        if let account = accounts[username] { return account }
        guard let person = persons.person(username.uppercased()) else { return nil }
        return AccountRecord(username: person.documentNumber, role: .person, displayName: person.name,
                             passwordHash: "", personNumber: person.documentNumber)
    }

    /// The unit's first operator account that may log in, for the logins that identify a
    /// unit rather than an operator (证书登录, 法人扫码).
    public func activeOperator(of unitNumber: String) -> AccountRecord? {
        accounts.values.filter { $0.role == .unitOperator && $0.unitNumber == unitNumber && !$0.isDisabled }
            .min { $0.username < $1.username }
    }

    /// What every login method says to an account an administrator has disabled.
    public static let disabledMessage = "该账号已停用，请联系社保经办机构"

    public var activeAdministrators: [AccountRecord] {
        accounts.values.filter { $0.role == .administrator && !$0.isDisabled }.sorted { $0.username < $1.username }
    }

    /// 正常, 已锁定, 已停用 or 须修改密码, as 账号管理 lists it.
    public func accountStatus(_ account: AccountRecord, now: Int64) -> AccountStatus {
        if account.isDisabled { return .disabled }
        if lockedUntil(account.username, now: now) != nil { return .locked }
        if account.mustChangePassword { return .mustChangePassword }
        return .active
    }

    func decideAccount(_ request: AccountRequest, by actor: Actor, now: Int64,
                       reference: ReferenceData) -> Result<[DomainEvent], CommandRefusal> {
        let temporaryUntil = now + Int64(reference.loginPolicy.temporaryPasswordHours) * 3_600_000_000
        if case .create(let account) = request { return create(account, temporaryUntil: temporaryUntil, reference: reference) }
        guard var account = loginAccount(request.username) else {
            return .failure(.notFound("没有用户名为 \(PrivacyMask.identityNumber(request.username)) 的账号"))
        }
        let isLastAdministrator = account.role == .administrator && !account.isDisabled && activeAdministrators.count <= 1
        let kind: AccountChange.Kind
        switch request {
        case .create:
            return .failure(.refused("账号已存在"))
        case .disable:
            guard account.username != actor.username else { return .failure(.refused("不能停用自己的账号，请由另一位管理员办理")) }
            guard !isLastAdministrator else { return .failure(.refused("这是最后一个可用的管理员账号，不能停用；请先创建另一个管理员")) }
            guard !account.isDisabled else { return .success([]) }
            account.disabled = true
            kind = .disabled
        case .enable:
            guard account.isDisabled else { return .success([]) }
            account.disabled = nil
            kind = .enabled
        case .unlock:
            guard lockedUntil(account.username, now: now) != nil || loginFailures[account.username] != nil else {
                return .failure(.refused("账号 \(account.username) 没有被锁定"))
            }
            kind = .unlocked
        case .resetPassword(_, let hash):
            guard account.role != .person else { return .failure(.refused("个人的登录密码由本人通过「忘记密码」重新设置")) }
            guard PasswordHash(encoded: hash) != nil else { return .failure(.invalid([Self.plainTextProblem])) }
            account.passwordHash = hash
            account.temporaryPasswordExpiresAt = temporaryUntil
            kind = .passwordReset
        case .setRole(_, let role, let workplace, let unitNumber):
            guard account.username != actor.username else { return .failure(.refused("不能更改自己的角色，请由另一位管理员办理")) }
            guard !(isLastAdministrator && role != .administrator) else {
                return .failure(.refused("这是最后一个可用的管理员账号，不能改为其他角色；请先创建另一个管理员"))
            }
            var changed = account
            changed.role = role
            changed.workplace = workplace
            changed.unitNumber = unitNumber
            if let problem = roleProblem(changed, reference: reference) { return .failure(.invalid([problem])) }
            changed.workplace = role == .counterClerk ? workplace : nil
            changed.unitNumber = role == .unitOperator ? unitNumber : nil
            guard changed != account else { return .success([]) }
            account = changed
            kind = .roleChanged
        case .changeOwnPassword(_, let hash):
            guard PasswordHash(encoded: hash) != nil else { return .failure(.invalid([Self.plainTextProblem])) }
            if let expires = account.temporaryPasswordExpiresAt, expires <= now {
                return .failure(.refused("临时密码已过期，请联系管理员重新设置"))
            }
            kind = account.passwordHash.isEmpty && account.role == .person ? .registered : .passwordChanged
            account.passwordHash = hash
            account.temporaryPasswordExpiresAt = nil
        }
        return .success([.accountChanged(AccountChange(kind: kind, account: account))])
    }

    private static let plainTextProblem = FieldProblem(field: "密码", message: "只能保存 scrypt 密码摘要，不能保存明文")

    private func create(_ account: AccountRecord, temporaryUntil: Int64, reference: ReferenceData) -> Result<[DomainEvent], CommandRefusal> {
        var problems: [FieldProblem] = []
        if let problem = AccountRecord.usernameProblem(account.username) {
            problems.append(problem)
        } else if accounts.keys.contains(where: { $0.lowercased() == account.username.lowercased() }) {
            problems.append(FieldProblem(field: "用户名", message: "用户名 \(account.username) 已被使用，请换一个"))
        }
        if account.displayName.trimmingSpaces.isEmpty {
            problems.append(FieldProblem(field: "姓名", message: "请填写账号使用人的姓名"))
        } else if let problem = FreeText.problem(account.displayName, maximumCharacters: 20) {
            problems.append(FieldProblem(field: "姓名", message: problem))
        }
        if account.role == .person {
            problems.append(FieldProblem(field: "角色", message: "个人不需要开账号：本人可扫码登录，或自行注册设置密码"))
        }
        if let problem = roleProblem(account, reference: reference) { problems.append(problem) }
        if PasswordHash(encoded: account.passwordHash) == nil { problems.append(Self.plainTextProblem) }
        if !problems.isEmpty { return .failure(.invalid(problems)) }
        var created = account
        created.displayName = account.displayName.trimmingSpaces
        created.disabled = nil
        created.temporaryPasswordExpiresAt = temporaryUntil
        created.workplace = account.role == .counterClerk ? account.workplace : nil
        created.unitNumber = account.role == .unitOperator ? account.unitNumber : nil
        return .success([.accountChanged(AccountChange(kind: .created, account: created))])
    }

    /// What a role needs: a clerk a 所属网点 from the list, a unit operator a unit that exists.
    private func roleProblem(_ account: AccountRecord, reference: ReferenceData) -> FieldProblem? {
        switch account.role {
        case .counterClerk:
            guard let workplace = account.workplace, !workplace.isEmpty else {
                return FieldProblem(field: "所属网点", message: "窗口经办须选择所属网点")
            }
            guard reference.branches.contains(where: { $0.name == workplace }) else {
                return FieldProblem(field: "所属网点", message: "「\(workplace)」不在网点名录中，请从列表中选择")
            }
        case .unitOperator:
            guard let unit = account.unitNumber, !unit.isEmpty else {
                return FieldProblem(field: "单位编号", message: "单位经办人须填写所属单位的单位编号")
            }
            guard units[unit] != nil else {
                return FieldProblem(field: "单位编号", message: "单位 \(unit) 不在单位名录中，请先导入单位")
            }
        case .person, .backOffice, .administrator:
            break
        }
        return nil
    }

    mutating func applyAccountChange(_ change: AccountChange) {
        let username = change.account.username
        accounts[username] = change.account
        switch change.kind {
        case .unlocked, .passwordReset, .enabled:
            loginLocks[username] = nil
            loginFailures[username] = nil
            captchaAccounts.remove(username)
        default:
            break
        }
    }
}
