import Journal
import SystemPackage

/// Brings a projection up to date: from its snapshot when there is a sound one, and by
/// replaying the journal after the snapshot's sequence number (or from the start).
public struct ProjectionLoader<Model: Projection> {
    public struct Loaded {
        public var model: Model
        /// The sequence number of the last record applied.
        public var sequence: UInt64
        public var replayed: Int
        /// Why the snapshot was not used, when there was one that was not.
        public var snapshotProblem: String?
        public var usedSnapshot: Bool
    }

    let data: DataDirectory
    /// The journal to replay; nil reads the data directory's segment journal without a writer.
    let journal: (any JournalStore)?
    let io: any FileIO
    /// A place near the journal's end, for the replay after a recent snapshot (see `JournalPlace`).
    let hint: JournalPlace?

    public init(data: DataDirectory, journal: (any JournalStore)? = nil, io: any FileIO = SystemFileIO(), hint: JournalPlace? = nil) {
        self.data = data
        self.journal = journal
        self.io = io
        self.hint = hint
    }

    /// Loads the model; with `limit`, applies no record after that sequence number (to
    /// rebuild exactly what was acknowledged, leaving out a record whose sync failed).
    /// `prepare` is given each model before replay starts, with the sequence it is at.
    /// `usingSnapshot` may refuse a snapshot by its sequence number (one past what the
    /// shared index holds would lack the records between).
    public func load(through limit: UInt64 = .max, usingSnapshot: (UInt64) -> Bool = { _ in true },
                     prepare: (inout Model, UInt64) -> Void = { _, _ in }) throws -> Loaded {
        let snapshots = SnapshotStore(directory: data.snapshots, io: io)
        var model = Model()
        var sequence: UInt64 = 0
        var problem: String?
        switch snapshots.load(Model.snapshotName) {
        case .found(let snapshot) where !usingSnapshot(snapshot.sequence):
            problem = "snapshot is at sequence \(snapshot.sequence), past what the shared index holds"
        case .found(let snapshot):
            do {
                model = try Model(snapshotState: snapshot.state)
                sequence = snapshot.sequence
            } catch {
                problem = "snapshot state could not be decoded: \(error)"
            }
        case .rejected(let reason):
            problem = reason
        case .missing:
            break
        }
        if sequence > 0 {
            prepare(&model, sequence)
            if sequence <= limit, let loaded = try replay(into: model, after: sequence, through: limit, snapshotProblem: problem) {
                return loaded
            }
            problem = "snapshot is at sequence \(sequence), which this journal does not hold"
        }
        var empty = Model()
        prepare(&empty, 0)
        return try replay(into: empty, after: 0, through: limit, snapshotProblem: problem)!
    }

    /// Replays the records after `start`. A snapshot at `start` is only trusted when the
    /// journal really holds record `start`; otherwise this returns nil.
    private func replay(into model: Model, after start: UInt64, through limit: UInt64,
                        snapshotProblem: String?) throws -> Loaded? {
        var model = model
        var sequence = start
        var confirmed = start == 0
        let reader: any JournalTail = try journal?.tail(from: max(start, 1), hint: hint)
            ?? JournalReader(directory: data.journal, from: max(start, 1), io: io, hint: hint)
        var replayed = 0
        do {
            try reader.forEach(stopAfterBatch: nil) { recordSequence, type, timestamp, payload in
                if !confirmed {
                    guard recordSequence == start else { throw SnapshotMismatch() }
                    confirmed = true
                    return
                }
                guard recordSequence <= limit else { return }
                try model.apply(sequence: recordSequence, type: type, timestamp: timestamp, payload: payload)
                sequence = recordSequence
                replayed += 1
            }
        } catch is SnapshotMismatch {
            return nil
        }
        guard confirmed else { return nil }
        return Loaded(model: model, sequence: sequence, replayed: replayed,
                      snapshotProblem: snapshotProblem, usedSnapshot: start > 0)
    }

    /// Saves the model as the snapshot for `sequence`.
    public func save(_ model: Model, at sequence: UInt64) throws {
        try SnapshotStore(directory: data.snapshots, io: io)
            .save(Snapshot(sequence: sequence, state: try model.snapshotState()), as: Model.snapshotName)
    }
}

struct SnapshotMismatch: Error {}
