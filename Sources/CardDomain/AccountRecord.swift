/// A login account (DEMO-DATA.md, DECISIONS.md D10). Only the scrypt hash of the password
/// is ever stored.
public struct AccountRecord: Codable, Equatable, Sendable {
    public var username: String
    public var role: Role
    public var displayName: String
    /// PHC-style scrypt string (`PasswordHash.description`).
    public var passwordHash: String
    /// The person a person's account belongs to (document number).
    public var personNumber: String?
    /// The unit a unit operator acts for.
    public var unitNumber: String?
    /// Where a clerk works, such as 中国工商银行北京朝阳支行.
    public var workplace: String?
    /// 已停用: refused by every login method until an administrator enables it again.
    public var disabled: Bool?
    /// Set while the password is a temporary one an administrator gave out: it must be
    /// changed at the next login, and it lapses at this time (µs since 1970).
    public var temporaryPasswordExpiresAt: Int64?

    public var isDisabled: Bool { disabled == true }
    public var mustChangePassword: Bool { temporaryPasswordExpiresAt != nil }

    public init(username: String, role: Role, displayName: String, passwordHash: String,
                personNumber: String? = nil, unitNumber: String? = nil, workplace: String? = nil,
                disabled: Bool? = nil, temporaryPasswordExpiresAt: Int64? = nil) {
        self.username = username
        self.role = role
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.personNumber = personNumber
        self.unitNumber = unitNumber
        self.workplace = workplace
        self.disabled = disabled
        self.temporaryPasswordExpiresAt = temporaryPasswordExpiresAt
    }
}

extension AccountRecord {
    /// A staff or operator user name: 3 to 32 ASCII letters, digits, `.`, `_` or `-`,
    /// starting with a letter, so it can never be taken for an ID or phone number at 账号登录.
    public static func usernameProblem(_ username: String) -> FieldProblem? {
        let allowed = username.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        guard (3...32).contains(username.count), allowed, username.first.map({ $0.isASCII && $0.isLetter }) == true else {
            return FieldProblem(field: "用户名", message: "用户名须为 3 到 32 个英文字母、数字或 . _ -，并以字母开头")
        }
        return nil
    }
}
