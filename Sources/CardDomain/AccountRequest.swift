/// What an administrator (or the account itself) asks of an account (账号管理, D18). The
/// password arrives hashed: scrypt is too slow to run under the journal's lock, and the
/// plain text must never reach the journal. The rules a new password must meet are checked
/// before hashing (`PasswordRules`).
public enum AccountRequest: Equatable, Sendable {
    /// A staff or unit operator account. Its password is a temporary one, lapsing after the
    /// login policy's `temporaryPasswordHours`.
    case create(AccountRecord)
    case disable(username: String)
    case enable(username: String)
    /// Ends a lock from wrong passwords, and forgets the count.
    case unlock(username: String)
    /// A new temporary password, to be changed at the next login.
    case resetPassword(username: String, passwordHash: String)
    /// A new role, with the workplace (窗口经办) or unit (单位经办人) the role needs.
    case setRole(username: String, role: Role, workplace: String?, unitNumber: String?)
    /// The account's own new password: after a temporary one, or when it chooses to.
    case changeOwnPassword(username: String, passwordHash: String)

    public var username: String {
        switch self {
        case .create(let account): return account.username
        case .disable(let name), .enable(let name), .unlock(let name), .resetPassword(let name, _),
             .setRole(let name, _, _, _), .changeOwnPassword(let name, _):
            return name
        }
    }
}
