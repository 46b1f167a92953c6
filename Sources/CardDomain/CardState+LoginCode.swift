/// One-time login codes (D10): a terminal asks for one, the identity port decides it, and
/// the terminal logs in with it once, before it expires. The identity must fit the tab.
extension CardState {
    func requestCode(_ hash: String, method: String, actor: String, expected: String? = nil, context: CommandContext,
                     policy: LoginPolicy) -> Result<[DomainEvent], CommandRefusal> {
        guard loginCodes[hash] == nil else { return .failure(.refused("登录码重复，请重新获取")) }
        guard actor == "person" || actor == "unitOperator" else {
            return .failure(.refused("工作人员请用工作人员账号登录"))
        }
        let expires = context.now + Int64(policy.codeSeconds) * 1_000_000
        return .success([.loginCodeRequested(.init(codeHash: hash, method: method, actor: actor, expiresAt: expires, expected: expected))])
    }

    func decideCode(_ code: String, identity: String?, reason: String?, now: Int64) -> Result<[DomainEvent], CommandRefusal> {
        let hash = LoginCode.hash(code)
        guard let pending = loginCodes[hash] else { return .failure(.notFound("没有这个登录码：请核对终端上显示的 8 位登录码")) }
        guard pending.decision == nil, !pending.used else { return .failure(.refused("该登录码已经处理过")) }
        guard now < pending.expiresAt else {
            return .failure(.refused("该登录码已于 \(BeijingTime.clock(microseconds: pending.expiresAt)) 过期，请在终端上重新获取"))
        }
        // A code asked for one person (the face check of 实名认证) is approved as that person
        // or not at all: said at once, to whoever approves it, not later at the terminal.
        if let expected = pending.expected, let identity, identity.trimmingSpaces.uppercased() != expected {
            return .failure(.refused("该核验码只能确认为证件号码 \(PrivacyMask.identityNumber(expected)) 的本人，"
                                     + "不能确认为 \(PrivacyMask.identityNumber(identity.trimmingSpaces.uppercased()))；终端上填写的是前者"))
        }
        let decision: LoginCode.Decision
        if let identity {
            decision = approval(of: identity.trimmingSpaces.uppercased(), for: pending.actor)
        } else {
            decision = .denied(reason: reason.map { $0.trimmingSpaces.isEmpty ? "身份认证平台拒绝了这次登录" : $0 } ?? "身份认证平台拒绝了这次登录")
        }
        return .success([.loginCodeDecided(.init(codeHash: hash, decision: decision))])
    }

    /// The account an identity logs in as on this tab, or why it may not: a person by 证件号码
    /// on 个人登录, a unit by 单位编号 (or 统一社会信用代码) on 法人登录.
    func approval(of identity: String, for actor: String) -> LoginCode.Decision {
        let unit = units[identity] ?? units.values.first { $0.creditCode == identity }
        switch actor {
        case "unitOperator":
            guard let unit else {
                return .denied(reason: persons.person(identity) != nil ? "法人登录须以单位身份认证，个人不能登录" : "单位编号 \(identity) 不在单位名录中")
            }
            guard let account = activeOperator(of: unit.number) else {
                return .denied(reason: "\(unit.name) 还没有可用的经办人账号，请联系社保经办机构开通")
            }
            return .approved(account: account.username)
        default:
            guard let person = persons.person(identity) else {
                return .denied(reason: unit != nil ? "个人登录须以本人身份认证，单位请选择法人登录"
                               : "证件号码 \(PrivacyMask.identityNumber(identity)) 不在参保人员记录中，请到社保卡服务网点核实")
            }
            // The platform has identified the person: that is the login (D18). Only an
            // administrator's 停用 stands in the way.
            guard let account = loginAccount(person.documentNumber), !account.isDisabled else {
                return .denied(reason: Self.disabledMessage)
            }
            return .approved(account: account.username)
        }
    }

    func completeCode(_ hash: String, now: Int64) -> Result<[DomainEvent], CommandRefusal> {
        guard let code = loginCodes[hash] else { return .failure(.notFound("登录码无效，请重新获取")) }
        guard !code.used else { return .failure(.refused("该登录码已经用过，请重新获取")) }
        guard now < code.expiresAt else { return .failure(.refused("登录码已过期，请重新获取")) }
        switch code.decision {
        case .approved(let account)?:
            guard let record = loginAccount(account) else { return .failure(.notFound("账号 \(account) 不存在")) }
            // Disabled after the platform approved the code: still refused.
            guard !record.isDisabled else { return .failure(.refused(Self.disabledMessage)) }
            return .success([.loginAttempted(LoginAttempt(username: account, method: code.method, succeeded: true, codeHash: hash))])
        case .denied(let reason)?:
            return .failure(.refused(reason))
        case nil:
            return .failure(.refused("还没有确认，请稍候"))
        }
    }
}
