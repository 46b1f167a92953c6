/// Who is at the keyboard, as the session knows them after login.
public struct Actor: Equatable, Sendable {
    public var username: String
    public var role: Role
    /// For a person: their own document number.
    public var personNumber: String?
    /// For a unit operator: their unit's 单位编号.
    public var unitNumber: String?
    /// For a clerk: the person they are assisting now (代办), after looking them up.
    public var assisting: String?

    public init(username: String, role: Role, personNumber: String? = nil, unitNumber: String? = nil, assisting: String? = nil) {
        self.username = username
        self.role = role
        self.personNumber = personNumber
        self.unitNumber = unitNumber
        self.assisting = assisting
    }

    /// The actor the system itself acts as (demo seeding, imports run from the shell).
    public static func system(_ name: String) -> Actor { Actor(username: name, role: .administrator) }
}
