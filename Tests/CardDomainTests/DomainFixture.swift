import CardDomain
import CardResources

/// The shipped reference data and demo records, with a fixed clock: 2026-11-21 at the counter.
enum DomainFixture {
    static let reference = try! CardResources.referenceData()
    static let demo = try! CardResources.demoData()
    static let today = CalendarDate(year: 2026, month: 11, day: 21)!
    static let now: Int64 = 1_795_276_800_000_000

    static func context(_ channel: Channel = .counter) -> CommandContext {
        CommandContext(now: now, today: today, terminal: "pts/test", channel: channel)
    }

    static func person(_ name: String) -> PersonRecord {
        demo.persons.first { $0.name == name }!
    }

    static let admin = Actor.system("admin")

    /// A state holding the demo units and persons, as the seed leaves it (without accounts).
    static func seededState() -> CardState {
        var state = CardState()
        let commands: [Command] = demo.units.map { .recordUnit($0) } + demo.persons.map { .recordPerson($0) }
        for command in commands { state.run(command, by: admin) }
        return state
    }

    /// A complete, valid retiree application form for `person` in `channel`.
    static func form(for person: PersonRecord, pickup: PickupMethod = .bankMail) -> ApplicationForm {
        let photo = PhotoReference(sha256: String(repeating: "a", count: 64), byteCount: 40_000, format: .jpeg,
                                   size: PixelSize(width: 358, height: 441))
        let side = PhotoReference(sha256: String(repeating: "b", count: 64), byteCount: 90_000, format: .jpeg,
                                  size: PixelSize(width: 1280, height: 800))
        return ApplicationForm(
            ethnicGroup: "01", occupation: Occupation.retiredCode, residenceDistrict: person.residenceDistrict,
            residenceAddress: person.residenceAddress, mobile: person.mobile, pickupMethod: pickup,
            mailing: MailingDetails(recipientName: person.name, recipientPhone: person.mobile ?? "13900000000",
                                    district: person.residenceDistrict, postalCode: "100022", address: person.residenceAddress),
            cardPhoto: photo, idCardFront: side, idCardBack: side, consented: true)
    }
}

extension CardState {
    /// Decides and applies, as the repository does, for tests that need a state to act on.
    @discardableResult
    mutating func run(_ command: Command, by actor: Actor, channel: Channel = .counter) -> Result<[DomainEvent], CommandRefusal> {
        let outcome = decide(command, by: actor, context: DomainFixture.context(channel), reference: DomainFixture.reference)
        if case .success(let events) = outcome {
            for event in events {
                apply(EventEnvelope(actor: actor.username, role: actor.role, at: DomainFixture.now, terminal: "pts/test",
                                    channel: channel, assisting: actor.assisting, event: event))
            }
        }
        return outcome
    }
}
