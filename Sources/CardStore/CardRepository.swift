import CardDomain
import Journal
import SystemPackage

/// The domain over the journal: commands are decided on the state as of the journal's
/// end, appended only if no other process appended in between (else decided again), and
/// applied once durable. So several clerks' processes can share one data directory.
public final class CardRepository {
    public let data: DataDirectory
    public let reference: ReferenceData
    /// Reopened after a failed append: the failed object refuses appends, and reopening
    /// recovers (the failed writer voided what it wrote, or left a marker that refuses).
    var journal: any JournalStore
    /// A tailing reader kept open, so that catching up reads only what is new.
    var reader: any JournalTail
    /// Set when the last catch-up stopped at its time budget with records still to read.
    var behind = false
    /// Set when the state could not be rebuilt after a failure (the disk, or a PostgreSQL
    /// server that went away); each command and refresh first tries the rebuild again from
    /// `unrebuiltFrom`, and is refused while it fails.
    var broken: (any Error)?
    var unrebuiltFrom: UInt64?
    let io: any FileIO
    var projection: CardProjection
    /// The persons every process on the machine shares (LMDB, derived from the journal).
    public let sharedIndex: SharedIndex
    /// The sequence number of the last snapshot this process saw or saved.
    var snapshotSequence: UInt64 = 0
    /// The timestamp of the journal record at `sequence`, once known.
    public internal(set) var lastTimestamp: Int64 = 0
    /// Set when the persons held here are exactly those recorded after this position of
    /// the index (see `settleShared`).
    var settledAt: UInt64?
    /// Whom each record this process appended since it last settled concerns, by sequence
    /// number: the history table takes them from here instead of decoding the records again.
    var unsettledHistory: [UInt64: [(HistoryKey.Kind, String)]] = [:]
    /// When persons move into the shared index and snapshots are saved.
    public var upkeep = RepositoryUpkeep.interactive
    /// The journal sequence number the state reflects.
    public private(set) var sequence: UInt64
    /// How the state was loaded: from a snapshot or not, and how many records replayed.
    public let usedSnapshot: Bool
    public let replayedAtOpen: Int
    /// Whether the start built the state from the read that built the index (`FirstStartFeed`).
    let stateBuiltWithIndex: Bool
    public let snapshotProblem: String?
    /// The repair this start made of the index, if it found one damaged or unusable.
    public let indexRepair: SharedIndex.Repair?
    /// Why the index could not be brought up to date at start (a full disk), if it could not.
    public internal(set) var indexProblem: String?

    public var state: CardState { projection.state }

    /// Opens the data directory. An index that cannot be used, or whose reads find damage,
    /// is moved aside and rebuilt from the journal first (`indexRepair` says so, and
    /// `progress` is told how far the rebuild has come, as a journal sequence number out of
    /// `journal.lastSequence`). An index that cannot be brought up to date (a full disk)
    /// is used as it is, and the rest replayed in memory (`indexProblem` says so).
    public init(data: DataDirectory, reference: ReferenceData, io: any FileIO = SystemFileIO(),
                indexProgress: ((_ reached: UInt64, _ last: UInt64) -> Void)? = nil) throws {
        self.data = data
        self.reference = reference
        self.io = io
        if let refusal = data.safetyProblem() { throw refusal }
        try data.create(io: io)
        // The writer recovers (cuts a torn tail) before anything is replayed.
        let journal = try data.openJournal(io: io)
        self.journal = journal
        let progress = indexProgress.map { report in { (reached: UInt64) in report(reached, journal.lastSequence) } }
        // The shared index first, so that loading replays only what is not in it.
        var (index, repair) = try SharedIndex.openRepairing(in: data, journal: journal, progress: progress)
        // The journal as it was at the start: what another process (an import) appends from
        // now on is taken later, a slice at a time, so a start never chases a moving end.
        let openedAt = journal.lastSequence
        // A new site (an empty index, no snapshot) builds its state from the same read.
        let snapshot = SnapshotStore(directory: data.snapshots, io: io).path(CardProjection.snapshotName)
        let feed = index.position == 0 && !io.exists(snapshot) ? FirstStartFeed(index: index) : nil
        do {
            // Recovery walked to the journal's end: its last record is where the readers start
            // when the index and the snapshot are at (or near) the end, as at a quiet start.
            try index.catchUp(journal: journal, hint: journal.lastPlace, through: openedAt, progress: progress,
                              alongside: feed?.take)
        } catch is IndexDamage {
            repair = try index.repair(journal: journal, progress: progress)
        } catch let problem as PathSafety.Refusal {
            throw problem
        } catch {
            // Reading goes on: the index answers up to its position, the rest is replayed below.
            indexProblem = "\(error)"
        }
        indexRepair = repair
        sharedIndex = index
        let indexed = index.position
        let fed = indexProblem == nil ? feed?.loaded(indexPosition: indexed) : nil
        stateBuiltWithIndex = fed != nil
        let loaded = try fed ?? ProjectionLoader<CardProjection>(data: data, journal: journal, io: io, hint: journal.lastPlace)
            .load(through: max(openedAt, indexed), usingSnapshot: { $0 <= indexed }) { $0.attach(index, at: $1) }
        projection = loaded.model
        sequence = loaded.sequence
        reader = try journal.tail(from: loaded.sequence + 1, hint: nil)
        usedSnapshot = loaded.usedSnapshot
        replayedAtOpen = loaded.replayed
        snapshotProblem = loaded.snapshotProblem
        snapshotSequence = loaded.sequence - UInt64(loaded.replayed)
        if index.position == sequence { lastTimestamp = index.positionTimestamp }
        noteSettled()
        if indexProblem == nil { try maintain() }
    }

    public func close() { journal.close() }

    /// Applies what other processes appended since the last look.
    public func refresh() throws {
        try refresh(within: nil)
    }

    /// As `refresh`, but returns after `budget` (at the end of a batch) even when more is
    /// new: a screen calls it between keys, and while an import appends thousands of records
    /// a second, an unbounded catch-up would chase the journal's end and freeze the screen.
    /// Reads then see a consistent, slightly older journal; decisions always catch up whole.
    public func refresh(within budget: Duration?) throws {
        try rebuildIfBroken()
        if sharedIndex.reopenIfReplaced() { settleOnReplacedIndex() }
        // A walk cut short by its budget goes on at the next call, wake-up or not.
        if behind || journal.mayHaveNews(after: sequence) {
            try applyNewRecords(until: budget.map { ContinuousClock.now + $0 })
        }
        try maintain()
    }

    /// Applies what is new in the journal, and nothing else: this runs under the journal's
    /// lock too, where reading the journal through another handle would wait on ourselves.
    private func applyNewRecords(until deadline: ContinuousClock.Instant? = nil) throws {
        behind = false
        try reader.forEach(stopAfterBatch: deadline.map { deadline in { [self] in
            behind = ContinuousClock.now >= deadline
            return behind
        } }) { recordSequence, type, timestamp, payload in
            // This process's own appends are applied when they are made.
            guard recordSequence > sequence else { return }
            try projection.apply(sequence: recordSequence, type: type, timestamp: timestamp, payload: payload)
            sequence = recordSequence
            lastTimestamp = timestamp
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
    /// do not stop the others. A dry run decides them all and appends nothing.
    ///
    /// Deciding happens under the journal's lock, after catching up with other processes,
    /// so no one can append in between; the events are applied to the state in place.
    /// If the append then fails, the state is rebuilt from the journal, so it never shows
    /// what was not made durable.
    public func executeBatch(_ commands: [Command], by actor: Actor, context: CommandContext,
                             dryRun: Bool = false) throws -> [Result<[DomainEvent], CommandRefusal>] {
        try rebuildIfBroken()
        if let damage = sharedIndex.damage { throw damage }
        if let failure = sharedIndex.failure {
            throw RepositoryUnusable(reason: "the shared index could not be read (\(failure)); restart, or run sscard index rebuild")
        }
        if dryRun {
            try applyNewRecords()
            var working = projection.state
            var unused: [EventEnvelope] = []
            return commands.map { decide($0, by: actor, context: context, applyingTo: &working, recording: &unused) }
        }
        var outcomes: [Result<[DomainEvent], CommandRefusal>] = []
        var acknowledged = sequence
        var envelopes: [EventEnvelope] = []
        do {
            let appended = try journal.append(deciding: { _ in
                try applyNewRecords()
                acknowledged = sequence
                envelopes = []
                outcomes = commands.map { decide($0, by: actor, context: context, applyingTo: &projection.state,
                                                 recording: &envelopes) }
                // A read of the index that met damage while deciding answered "nothing": the
                // decision may rest on it, so nothing is appended (the state is rebuilt below).
                if let damage = sharedIndex.damage { throw damage }
                // Encoding is pure and a third of a large batch's time: it runs on every core.
                return try envelopes.concurrentMap { JournalEntry(type: EventCodec.eventRecordType, payload: try EventCodec.encode($0)) }
            })
            if let appended {
                sequence = appended.upperBound
                lastTimestamp = journal.lastWrittenTimestamp
                for (offset, envelope) in envelopes.enumerated() {
                    unsettledHistory[appended.lowerBound + UInt64(offset)] = HistoryKey.subjects(of: envelope.event)
                }
            }
        } catch {
            reload(through: acknowledged)
            throw error
        }
        // The append is durable; keeping the shared models up is only ever a shortcut.
        try? maintain()
        return outcomes
    }

    /// Decides one command on `state`, applies its events there, and adds their envelopes to `envelopes`.
    private func decide(_ command: Command, by actor: Actor, context: CommandContext, applyingTo state: inout CardState,
                        recording envelopes: inout [EventEnvelope]) -> Result<[DomainEvent], CommandRefusal> {
        let outcome = state.decide(command, by: actor, context: context, reference: reference)
        guard case .success(let events) = outcome else { return outcome }
        for event in events {
            let envelope = EventEnvelope(actor: actor.username, role: actor.role, at: context.now,
                                         terminal: context.terminal, channel: context.channel,
                                         assisting: actor.role == .counterClerk ? actor.assisting : nil, event: event)
            state.apply(envelope)
            envelopes.append(envelope)
        }
        return outcome
    }

    /// Rebuilds the state after a failed append from what was acknowledged before it: a
    /// record whose sync failed may sit in the file now and still be lost, so it is left
    /// out. If even that fails (the disk, or a server that went away), commands are refused
    /// and the rebuild is tried again at the next command or refresh (`rebuildIfBroken`).
    func reload(through acknowledged: UInt64) {
        do {
            journal.close()
            journal = try data.openJournal(io: io)
            let index = sharedIndex
            let loaded = try ProjectionLoader<CardProjection>(data: data, journal: journal, io: io).load(through: acknowledged, usingSnapshot: { $0 <= index.position }) { $0.attach(index, at: $1) }
            projection = loaded.model
            sequence = loaded.sequence
            reader = try journal.tail(from: loaded.sequence + 1, hint: nil)
            settledAt = nil
            unsettledHistory = [:]
            broken = nil
            unrebuiltFrom = nil
        } catch {
            broken = error
            unrebuiltFrom = acknowledged
        }
    }

    /// Saves the state as the snapshot for the current sequence number, for a fast start.
    /// The shared index is brought up first, so the snapshot holds nothing it lacks.
    public func saveSnapshot() throws {
        guard sequence > 0 else { return }
        try settleShared()
        try ProjectionLoader<CardProjection>(data: data, journal: journal, io: io).save(projection, at: sequence)
        snapshotSequence = sequence
        try? SnapshotStore(directory: data.snapshots, io: io).removeOtherVersions(of: CardProjection.snapshotName)
    }
}

/// The repository lost track of the journal after a disk failure; reopen it.
public struct RepositoryUnusable: Error, CustomStringConvertible {
    public var reason: String
    /// The failure behind it, when there is one (a rebuild that failed, and why).
    public var cause: (any Error)?
    public var description: String { reason }

    public init(reason: String, cause: (any Error)? = nil) {
        self.reason = reason
        self.cause = cause
    }
}
