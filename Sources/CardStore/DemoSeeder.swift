import CardDomain

/// Creates the demo data set (DEMO-DATA.md) through the same commands an administrator's
/// import uses, so demo records obey every rule. Seeding again changes nothing: records
/// that are already there append no event, and existing accounts keep their passwords.
public struct DemoSeeder {
    public struct Outcome: Equatable, Sendable {
        public var recorded = 0
        public var unchanged = 0
    }

    let repository: CardRepository
    let context: CommandContext
    let actor = Actor.system("demo-seed")

    public init(repository: CardRepository, context: CommandContext) {
        self.repository = repository
        self.context = context
    }

    /// The fixed set: units, persons, and their accounts with scrypt hashes of the demo password.
    public func seed(_ demo: DemoDataSet, salt: () -> [UInt8]) throws -> Outcome {
        var commands: [Command] = demo.units.map { .recordUnit($0) } + demo.persons.map { .recordPerson($0) }
        // Accounts are built whole and get their hash last; existing ones keep their password.
        let wanted = demo.accounts.map {
            AccountRecord(username: $0.username, role: $0.role, displayName: $0.displayName, passwordHash: "",
                          unitNumber: $0.unitNumber, workplace: $0.workplace)
        } + demo.persons.map {
            AccountRecord(username: $0.documentNumber, role: .person, displayName: $0.name, passwordHash: "",
                          personNumber: $0.documentNumber)
        }
        let missing = wanted.filter { repository.state.accounts[$0.username] == nil }
        let hashes = try Self.hashes(of: demo.password, salts: missing.map { _ in salt() })
        for (account, hash) in zip(missing, hashes) {
            var hashed = account
            hashed.passwordHash = hash.description
            commands.append(.recordAccount(hashed))
        }
        return try run(commands)
    }

    /// `count` generated people, employed at the demo units or retired.
    public func seedGenerated(count: Int, units: [String]) throws -> Outcome {
        let people = GeneratedPeople(reference: repository.reference)
        var outcome = Outcome()
        var start = 0
        while start < count {
            let end = min(count, start + 1000)
            let batch = try run(Array(start..<end).concurrentMap { .recordPerson(people.person($0, units: units)) })
            outcome.recorded += batch.recorded
            outcome.unchanged += batch.unchanged
            start = end
        }
        return outcome
    }

    /// Generated people numbered from here on are a unit's employees (`--unit-employees`),
    /// apart from the `--persons` ones, so both can be seeded into one directory.
    public static let employeeIndexBase = 2_000_000

    /// `count` generated employees of `unit` (the generator's 在职 people from their own
    /// range of numbers); seeding again adds nothing.
    public func seedEmployees(count: Int, unit: String) throws -> Outcome {
        let people = GeneratedPeople(reference: repository.reference)
        // Every third generated person is retired: step over them.
        let indices = (0..<(count * 3 / 2 + 2)).map { Self.employeeIndexBase + $0 }.filter { $0 % 3 != 0 }.prefix(count)
        var outcome = Outcome()
        for chunk in stride(from: 0, to: indices.count, by: 1000) {
            let slice = indices.dropFirst(chunk).prefix(1000)
            let batch = try run(slice.map { .recordPerson(people.person($0, units: [unit])) })
            outcome.recorded += batch.recorded
            outcome.unchanged += batch.unchanged
        }
        return outcome
    }

    /// One scrypt hash per salt, on every core, with the demo's cheap parameters (the
    /// password is public; see `PasswordHash.Parameters.demo`).
    static func hashes(of password: String, salts: [[UInt8]]) throws -> [PasswordHash] {
        try salts.concurrentMap(minimumPerThread: 1) { try PasswordHash.make(password: password, salt: $0, parameters: .demo) }
    }

    private func run(_ commands: [Command]) throws -> Outcome {
        var outcome = Outcome()
        for result in try repository.executeBatch(commands, by: actor, context: context) {
            switch result {
            case .success(let events): if events.isEmpty { outcome.unchanged += 1 } else { outcome.recorded += 1 }
            case .failure(let refusal): throw DemoDataRefused(reason: refusal.description)
            }
        }
        return outcome
    }
}

/// The shipped demo data broke a rule: a bug in demo.json, reported rather than half-seeded.
public struct DemoDataRefused: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "demo data refused: \(reason)" }
}
