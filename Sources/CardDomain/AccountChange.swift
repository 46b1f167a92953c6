/// An account as it stands after a change, and what the change was. The envelope says who
/// made it and when, so an account's history is these events in order (`sscard accounts
/// history`, 账号管理's 变更记录).
public struct AccountChange: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case created = "创建账号"
        case disabled = "停用"
        case enabled = "启用"
        case unlocked = "解锁"
        case passwordReset = "重置密码"
        case passwordChanged = "修改密码"
        case roleChanged = "变更角色"
        case registered = "设置登录密码"
    }

    public var kind: Kind
    public var account: AccountRecord

    public init(kind: Kind, account: AccountRecord) {
        self.kind = kind
        self.account = account
    }
}
