import CardDomain
import CardStore
import TerminalUI

/// One account for an administrator: who it is, its state, what may be done to it (each
/// change asked once more before it is recorded), and its 变更记录 from the journal.
public struct AccountDetailScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        /// A change to confirm first (停用, 启用, 解锁, 重置密码).
        case confirm(AccountRequest)
        case changeRole
        case back
    }

    public let account: AccountRecord
    /// The change waiting for the administrator's 确定.
    public var pending: AccountRequest?
    /// Where 返回 goes: the list as it was.
    public let returnTo: AccountsScreen
    public private(set) var form: Form

    init(account: AccountRecord, state: CardState, now: Int64, history: [AccountHistory.Entry], returnTo: AccountsScreen) {
        self.account = account
        self.returnTo = returnTo
        func row(_ label: String, _ value: String) -> FormField { FormField(id: label, label: label, control: .readOnly(value, note: "")) }
        var fields = [
            row("用户名", AccountsScreen.shownName(account.username)),
            row("姓名", account.displayName),
            row("角色", account.role.rawValue),
        ]
        if let workplace = account.workplace { fields.append(row("所属网点", workplace)) }
        if let unit = account.unitNumber { fields.append(row("所属单位", "\(state.units[unit]?.name ?? "")（\(unit)）")) }
        let status = state.accountStatus(account, now: now)
        var statusText = status.rawValue
        if status == .locked, let until = state.lockedUntil(account.username, now: now) {
            statusText += "（至 \(BeijingTime.clock(microseconds: until))）"
        }
        if let expires = account.temporaryPasswordExpiresAt {
            statusText += expires > now ? "（临时密码 \(BeijingTime.dateTime(microseconds: expires)) 前有效）" : "（临时密码已过期）"
        }
        fields.append(row("状态", statusText))
        fields.append(FormField(id: account.isDisabled ? "enable" : "disable", control: .button(account.isDisabled ? "启用" : "停用")))
        if status == .locked { fields.append(FormField(id: "unlock", control: .button("解锁"))) }
        if account.role != .person {
            fields.append(FormField(id: "reset", control: .button("重置密码")))
            fields.append(FormField(id: "role", control: .button("变更角色或所属")))
        }
        fields.append(FormField(id: "back", control: .button("返回列表")))
        let lines = history.suffix(12).map { "\(BeijingTime.dateTime(microseconds: $0.at))  \($0.what)  \($0.actor)" }
        fields.append(FormField(id: "history", label: "变更记录",
                                control: .note(lines.isEmpty ? "（无）" : lines.joined(separator: "\n"), style: .normal)))
        form = Form(fields)
    }

    public var title: String { "账号：\(AccountsScreen.shownName(account.username))" }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        let name = account.username
        switch event {
        case .pressed("disable"): return (event, .confirm(.disable(username: name)))
        case .pressed("enable"): return (event, .confirm(.enable(username: name)))
        case .pressed("unlock"): return (event, .confirm(.unlock(username: name)))
        case .pressed("reset"): return (event, .confirm(.resetPassword(username: name, passwordHash: "")))
        case .pressed("role"): return (event, .changeRole)
        case .pressed("back"), .submitted: return (event, .back)
        default: return (event, nil)
        }
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "下一项"), KeyHint("Enter", "确定"), KeyHint("Esc", "返回列表"), .help, .logout] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
