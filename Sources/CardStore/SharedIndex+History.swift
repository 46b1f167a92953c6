import CardDomain
import Journal

extension SharedIndex {
    /// The history table's own mark: the record it reflects, and that record's place. Every
    /// catch-up and every store from memory moves it with the index's position, in the same
    /// transaction (`levelHistory`), so that a history can say where the table ends.
    static let historyPositionKey = Array("historyPosition".utf8)

    static func historyPosition(in transaction: LMDBTransaction, _ tables: LMDBEnvironment.Tables) throws -> Position {
        try historyMark(in: transaction, tables).position
    }

    /// The history's position, and the place of its record when it was read from segments.
    static func historyMark(in transaction: LMDBTransaction, _ tables: LMDBEnvironment.Tables) throws -> (position: Position, place: JournalPlace?) {
        guard let bytes = try transaction.get(tables.meta, historyPositionKey) else { return (Position(sequence: 0, timestamp: 0), nil) }
        guard bytes.count == 16 || bytes.count == 32 else { throw IndexDamage(reason: "the history table's mark is not a position") }
        return bytes.withUnsafeBytes { raw in
            let position = Position(raw)
            return (position, HistoryKey.place(of: position.sequence, UnsafeRawBufferPointer(rebasing: raw[16...])))
        }
    }

    static func saveHistoryPosition(_ position: Position, place: JournalPlace?, in transaction: LMDBTransaction,
                                    _ tables: LMDBEnvironment.Tables) throws {
        try transaction.put(tables.meta, historyPositionKey, position.bytes + HistoryKey.value(place))
    }

    static func storeHistory(_ subjects: [(HistoryKey.Kind, String)], at sequence: UInt64, _ place: JournalPlace?,
                             in transaction: LMDBTransaction, _ tables: LMDBEnvironment.Tables) throws {
        for (kind, subject) in subjects {
            try transaction.put(tables.history, HistoryKey.key(kind, subject, sequence), HistoryKey.value(place))
        }
    }

    /// Brings the history table level with the index at `reached`, reading from the journal
    /// what it lacks: the records a process stored from memory since the table's mark, whom
    /// each concerns known from `subjects` or else decoded. Returns whether it wrote anything.
    /// A mark ahead of the index, or whose record is not this journal's, means the index was
    /// made from another journal: `ForeignIndex`, and the index is made again.
    func levelHistory(with reached: Position, journal: any JournalStore, hint: JournalPlace?,
                      knowing subjects: [UInt64: [(HistoryKey.Kind, String)]] = [:],
                      in transaction: LMDBTransaction, _ tables: LMDBEnvironment.Tables) throws -> Bool {
        let mark = try Self.historyMark(in: transaction, tables)
        let at = mark.position
        guard at != reached else { return false }
        guard at.sequence < reached.sequence else { throw ForeignIndex() }
        var confirmed = at.sequence == 0
        var reachedPlace: JournalPlace?
        // The mark's own place starts the read at it, not at its segment's first record.
        let reader = try journal.tail(from: max(at.sequence, 1), hint: mark.place ?? hint)
        do {
            try reader.forEachPlaced(stopAfterBatch: nil) { sequence, place, type, timestamp, payload in
                if sequence > reached.sequence { throw StopLevelling() }
                if sequence == reached.sequence { reachedPlace = place }
                if sequence <= at.sequence {
                    if sequence == at.sequence { confirmed = timestamp == at.timestamp }
                    if !confirmed { throw ForeignIndex() }
                    return
                }
                if let known = subjects[sequence] {
                    try Self.storeHistory(known, at: sequence, place, in: transaction, tables)
                    return
                }
                guard type == EventCodec.eventRecordType, EventKindFilter.mayBeHistoryKind(payload) else { return }
                let envelope = try CardProjection.envelope(sequence: sequence, payload: payload)
                try Self.storeHistory(HistoryKey.subjects(of: envelope.event), at: sequence, place, in: transaction, tables)
            }
        } catch is StopLevelling {}
        guard confirmed else { throw ForeignIndex() }
        try Self.saveHistoryPosition(reached, place: reachedPlace, in: transaction, tables)
        return true
    }

    private struct StopLevelling: Error {}

    /// The records the history table names for `subjects`, by sequence number with their
    /// places, and the record the table reflects: what comes after it is not in the answer.
    /// Nil when the index cannot be read (damage is noted; the caller reads the journal).
    public func historyEntries(_ subjects: [(kind: HistoryKind, subject: String)]) -> HistoryEntries? {
        let tables = environment.tables
        return reading { transaction in
            let mark = try Self.historyMark(in: transaction, tables)
            let through = mark.position.sequence
            var found: [UInt64: JournalPlace?] = [:]
            for (kind, subject) in subjects {
                let prefix = HistoryKey.prefix(kind, subject)
                try transaction.scan(tables.history, from: prefix) { key, value in
                    guard key.starts(with: prefix) else { return false }
                    let entry = try IndexValueCheck.historyEntry(key: key, value: value)
                    guard key.count == prefix.count + 8, entry.sequence <= through else {
                        throw IndexDamage(reason: "a history entry is past the history's position, or not of this subject")
                    }
                    found[entry.sequence] = entry.place
                    return true
                }
            }
            return HistoryEntries(entries: found.keys.sorted().map { ($0, found[$0]!) }, through: through,
                                  timestamp: mark.position.timestamp, place: mark.place)
        }
    }

    /// The history table's position and the digest of its keys, for `index verify`.
    func historyDigest() throws -> (through: UInt64, digest: HistoryKey.Digest) {
        let tables = environment.tables
        return try environment.read { transaction in
            var digest = HistoryKey.Digest()
            try transaction.scan(tables.history, from: []) { key, _ in
                digest.add(key)
                return true
            }
            return (try Self.historyPosition(in: transaction, tables).sequence, digest)
        }
    }
}

/// What the history table names for some subjects, and the record it reflects (`through`,
/// with its timestamp and place): what comes after that is not in it.
public struct HistoryEntries: Sendable {
    public var entries: [(sequence: UInt64, place: JournalPlace?)]
    public var through: UInt64
    public var timestamp: Int64
    public var place: JournalPlace?
}
