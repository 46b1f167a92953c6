/// An event with who did it, when, at which terminal and through which channel. The
/// schema version lets old events stay readable as the schema grows: fields added later
/// are optional, and a reader ignores fields it does not know.
public struct EventEnvelope: Codable, Equatable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var actor: String
    public var role: Role
    /// Microseconds since 1970 (UTC), from the injected clock.
    public var at: Int64
    /// The terminal (tty or ssh session) it was done at.
    public var terminal: String
    public var channel: Channel
    /// The person a clerk was assisting (代办), when one was.
    public var assisting: String?
    public var event: DomainEvent

    public init(actor: String, role: Role, at: Int64, terminal: String, channel: Channel,
                assisting: String? = nil, event: DomainEvent) {
        self.schemaVersion = Self.currentSchemaVersion
        self.actor = actor
        self.role = role
        self.at = at
        self.terminal = terminal
        self.channel = channel
        self.assisting = assisting
        self.event = event
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "v", actor, role, at, terminal, channel, assisting, kind, data
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        actor = try container.decode(String.self, forKey: .actor)
        role = try container.decode(Role.self, forKey: .role)
        at = try container.decode(Int64.self, forKey: .at)
        terminal = try container.decodeIfPresent(String.self, forKey: .terminal) ?? ""
        channel = try container.decode(Channel.self, forKey: .channel)
        assisting = try container.decodeIfPresent(String.self, forKey: .assisting)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "personRecorded": event = .personRecorded(try container.decode(PersonRecord.self, forKey: .data))
        case "unitRecorded": event = .unitRecorded(try container.decode(UnitRecord.self, forKey: .data))
        case "accountRecorded": event = .accountRecorded(try container.decode(AccountRecord.self, forKey: .data))
        case "accountChanged": event = .accountChanged(try container.decode(AccountChange.self, forKey: .data))
        case "personViewed": event = .personViewed(personNumber: try container.decode(Viewed.self, forKey: .data).personNumber)
        case "draftSaved": event = .draftSaved(try container.decode(DomainEvent.DraftSaved.self, forKey: .data))
        case "applicationSubmitted":
            event = .applicationSubmitted(try container.decode(DomainEvent.ApplicationSubmitted.self, forKey: .data))
        case "statusChanged": event = .statusChanged(try container.decode(DomainEvent.StatusChanged.self, forKey: .data))
        case "applicationResubmitted":
            event = .applicationResubmitted(try container.decode(DomainEvent.ApplicationResubmitted.self, forKey: .data))
        case "collectiveSettingsSaved":
            event = .collectiveSettingsSaved(try container.decode(DomainEvent.CollectiveSettingsSaved.self, forKey: .data))
        case "employeesSubmitted": event = .employeesSubmitted(try container.decode(DomainEvent.EmployeesSubmitted.self, forKey: .data))
        case "employeeConfirmed": event = .employeeConfirmed(try container.decode(DomainEvent.EmployeeConfirmed.self, forKey: .data))
        case "loginCodeRequested": event = .loginCodeRequested(try container.decode(DomainEvent.LoginCodeRequested.self, forKey: .data))
        case "loginCodeDecided": event = .loginCodeDecided(try container.decode(DomainEvent.LoginCodeDecided.self, forKey: .data))
        case "loginAttempted": event = .loginAttempted(try container.decode(LoginAttempt.self, forKey: .data))
        case "smsCodeSent": event = .smsCodeSent(try container.decode(DomainEvent.SMSCodeSent.self, forKey: .data))
        case "smsCodeChecked": event = .smsCodeChecked(try container.decode(DomainEvent.SMSCodeChecked.self, forKey: .data))
        case "realNameVerified": event = .realNameVerified(try container.decode(DomainEvent.RealNameVerified.self, forKey: .data))
        case "certificateRevoked": event = .certificateRevoked(try container.decode(DomainEvent.CertificateRevoked.self, forKey: .data))
        case "certificatePasswordFailed":
            event = .certificatePasswordFailed(try container.decode(DomainEvent.CertificatePasswordFailed.self, forKey: .data))
        case "journalExported": event = .journalExported(try container.decode(DomainEvent.JournalExport.self, forKey: .data))
        default: event = .unrecognised(kind: kind)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(event.kind, forKey: .kind)
        try container.encode(actor, forKey: .actor)
        try container.encode(role, forKey: .role)
        try container.encode(at, forKey: .at)
        try container.encode(terminal, forKey: .terminal)
        try container.encode(channel, forKey: .channel)
        try container.encodeIfPresent(assisting, forKey: .assisting)
        switch event {
        case .personRecorded(let person): try container.encode(person, forKey: .data)
        case .unitRecorded(let unit): try container.encode(unit, forKey: .data)
        case .accountRecorded(let account): try container.encode(account, forKey: .data)
        case .accountChanged(let change): try container.encode(change, forKey: .data)
        case .personViewed(let number): try container.encode(Viewed(personNumber: number), forKey: .data)
        case .draftSaved(let draft): try container.encode(draft, forKey: .data)
        case .applicationSubmitted(let submitted): try container.encode(submitted, forKey: .data)
        case .statusChanged(let change): try container.encode(change, forKey: .data)
        case .applicationResubmitted(let resubmitted): try container.encode(resubmitted, forKey: .data)
        case .collectiveSettingsSaved(let saved): try container.encode(saved, forKey: .data)
        case .employeeConfirmed(let confirmed): try container.encode(confirmed, forKey: .data)
        case .employeesSubmitted(let submitted): try container.encode(submitted, forKey: .data)
        case .loginCodeRequested(let requested): try container.encode(requested, forKey: .data)
        case .loginCodeDecided(let decided): try container.encode(decided, forKey: .data)
        case .loginAttempted(let attempt): try container.encode(attempt, forKey: .data)
        case .smsCodeSent(let sent): try container.encode(sent, forKey: .data)
        case .smsCodeChecked(let checked): try container.encode(checked, forKey: .data)
        case .realNameVerified(let verified): try container.encode(verified, forKey: .data)
        case .certificateRevoked(let revoked): try container.encode(revoked, forKey: .data)
        case .certificatePasswordFailed(let failed): try container.encode(failed, forKey: .data)
        case .journalExported(let export): try container.encode(export, forKey: .data)
        case .unrecognised: break
        }
    }

    struct Viewed: Codable { var personNumber: String }
}
