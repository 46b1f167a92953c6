/// One staff view of a person's detail (D12): who, in which role, when and at which terminal.
public struct PersonView: Equatable, Sendable {
    public var viewer: String
    public var role: Role
    public var at: Int64
    public var terminal: String

    public init(viewer: String, role: Role, at: Int64, terminal: String) {
        self.viewer = viewer
        self.role = role
        self.at = at
        self.terminal = terminal
    }

    /// The view an event records, if it records one of `personNumber`.
    public init?(_ envelope: EventEnvelope, of personNumber: String) {
        guard case .personViewed(let number) = envelope.event, number == personNumber else { return nil }
        self.init(viewer: envelope.actor, role: envelope.role, at: envelope.at, terminal: envelope.terminal)
    }
}
