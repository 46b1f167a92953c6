import CardDomain
import Journal
import SystemPackage

/// The domain over the journal: commands are decided on the state as of the journal's
/// end, appended only if no other process appended in between (else decided again), and
/// applied once durable. So several clerks' processes can share one data directory.
public final class CardRepository {
    /// How many times a command is decided again after losing a race before giving up.
    static let conflictRetries = 1000

    public let data: DataDirectory
    public let reference: ReferenceData
    let journal: Journal
    let io: any FileIO
    var projection: CardProjection
    /// The journal sequence number the state reflects.
    public private(set) var sequence: UInt64
    /// How the state was loaded: from a snapshot or not, and how many records replayed.
    public let usedSnapshot: Bool
    public let replayedAtOpen: Int
    public let snapshotProblem: String?

    public var state: CardState { projection.state }

    public init(data: DataDirectory, reference: ReferenceData, io: any FileIO = SystemFileIO()) throws {
        self.data = data
        self.reference = reference
        self.io = io
        try data.create(io: io)
        // The writer recovers (cuts a torn tail) before anything is replayed.
        journal = try Journal(directory: data.journal, io: io)
        let loaded = try ProjectionLoader<CardProjection>(data: data, io: io).load()
        projection = loaded.model
        sequence = loaded.sequence
        usedSnapshot = loaded.usedSnapshot
        replayedAtOpen = loaded.replayed
        snapshotProblem = loaded.snapshotProblem
    }

    public func close() { journal.close() }

    /// Applies what other processes appended since the last look.
    public func refresh() throws {
        let reader = try journal.reader(from: sequence + 1)
        try reader.forEach { recordSequence, type, timestamp, payload in
            try projection.apply(sequence: recordSequence, type: type, timestamp: timestamp, payload: payload)
            sequence = recordSequence
        }
    }

    /// Runs one command. Returns the events recorded (none when there was nothing new);
    /// throws the `CommandRefusal`, or a journal error when the disk failed.
    @discardableResult
    public func execute(_ command: Command, by actor: Actor, context: CommandContext) throws -> [DomainEvent] {
        let outcome = try executeBatch([command], by: actor, context: context)[0]
        return try outcome.get()
    }

    /// Runs commands in order, each decided on the state the earlier ones leave, and
    /// appends all their events with a single sync. Refused commands append nothing and
    /// do not stop the others.
    public func executeBatch(_ commands: [Command], by actor: Actor,
                             context: CommandContext) throws -> [Result<[DomainEvent], CommandRefusal>] {
        for _ in 0..<Self.conflictRetries {
            try refresh()
            var working = projection.state
            var outcomes: [Result<[DomainEvent], CommandRefusal>] = []
            var envelopes: [EventEnvelope] = []
            outcomes.reserveCapacity(commands.count)
            for command in commands {
                let outcome = working.decide(command, by: actor, context: context, reference: reference)
                if case .success(let events) = outcome {
                    for event in events {
                        let envelope = EventEnvelope(actor: actor.username, role: actor.role, at: context.now,
                                                     terminal: context.terminal, channel: context.channel,
                                                     assisting: actor.role == .counterClerk ? actor.assisting : nil,
                                                     event: event)
                        working.apply(envelope)
                        envelopes.append(envelope)
                    }
                }
                outcomes.append(outcome)
            }
            if envelopes.isEmpty { return outcomes }
            let entries = try envelopes.map { JournalEntry(type: EventCodec.eventRecordType, payload: try EventCodec.encode($0)) }
            guard let appended = try journal.append(entries, ifLastSequenceIs: sequence) else { continue }
            projection.state = working
            sequence = appended.upperBound
            return outcomes
        }
        throw JournalBusy(attempts: Self.conflictRetries)
    }

    /// Saves the state as the snapshot for the current sequence number, for a fast start.
    public func saveSnapshot() throws {
        guard sequence > 0 else { return }
        try ProjectionLoader<CardProjection>(data: data, io: io).save(projection, at: sequence)
    }
}

/// Other processes kept appending while a command was being decided, every time.
public struct JournalBusy: Error, CustomStringConvertible {
    public var attempts: Int
    public var description: String { "the journal kept changing under \(attempts) attempts; try again" }
}
