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

    public init(username: String, role: Role, displayName: String, passwordHash: String,
                personNumber: String? = nil, unitNumber: String? = nil, workplace: String? = nil) {
        self.username = username
        self.role = role
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.personNumber = personNumber
        self.unitNumber = unitNumber
        self.workplace = workplace
    }
}
