/// An account's state as 账号管理 lists and filters it.
public enum AccountStatus: String, CaseIterable, Sendable {
    case active = "正常"
    case locked = "已锁定"
    case disabled = "已停用"
    case mustChangePassword = "须修改密码"
}
