import CLMDB
import CardDomain
import Foundation
import Journal
import SystemPackage

extension SharedIndex {
    /// The journal record the index reflects: its sequence number and timestamp, so that an
    /// index over another journal (replaced, restored from backup) is noticed and rebuilt.
    struct Position: Equatable {
        var sequence: UInt64
        var timestamp: Int64

        /// Sequence and timestamp, little-endian, as the meta table stores them.
        var bytes: [UInt8] {
            var bytes: [UInt8] = []
            withUnsafeBytes(of: sequence.littleEndian) { bytes += $0 }
            withUnsafeBytes(of: timestamp.littleEndian) { bytes += $0 }
            return bytes
        }

        /// The position at the start of `raw` (at least 16 bytes).
        init(_ raw: UnsafeRawBufferPointer) {
            sequence = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
            timestamp = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: Int64.self))
        }

        init(sequence: UInt64, timestamp: Int64) {
            self.sequence = sequence
            self.timestamp = timestamp
        }
    }

    /// Records applied per write transaction: each commit syncs once, and records its position.
    static let commitEvery = 20_000

    /// Applies the journal's person records after the index's position, in
    /// write transactions that each record the position they reach. LMDB lets one writer
    /// in at a time, across processes, so several processes catching up at once take turns
    /// and each starts where the last stopped. Returns the position reached.
    ///
    /// `rebuild` empties the index and replays the whole journal in one transaction, so
    /// that other processes go on reading the old index until the new one is complete.
    /// `hint` is a place in the journal near its end (the writer's, after recovery), so a
    /// catch-up from near the end reads only what is new. `through` stops it at the end of
    /// the batch holding that record: a process settling what it applied needs no more, and
    /// must not chase the end of a journal another process (an import) keeps appending to.
    /// `alongside` is handed every record the index takes, in order, as it reads it (a new
    /// site's state is built from the same read, `FirstStartFeed`); after a restart of the
    /// walk it may be handed records again.
    @discardableResult
    public func catchUp(journal: any JournalStore, rebuild: Bool = false,
                        hint: JournalPlace? = nil, through: UInt64? = nil,
                        progress: ((_ reached: UInt64) -> Void)? = nil,
                        alongside: JournalVisitor? = nil) throws -> UInt64 {
        catchingUp.lock()
        defer { catchingUp.unlock() }
        if let damage { throw damage }
        do {
            return try advance(journal: journal, rebuild: rebuild, hint: hint, through: through, progress: progress, alongside: alongside)
        } catch is ForeignIndex {
            tail = nil
            return try advance(journal: journal, rebuild: true, hint: nil, through: through, progress: progress, alongside: alongside)
        } catch is IndexReplaced {
            // Another process repaired the index: go on with the new one.
            try reopen()
            return try advance(journal: journal, rebuild: rebuild, hint: nil, through: through, progress: progress, alongside: alongside)
        } catch let damage as IndexDamage {
            tail = nil
            noteDamage(damage)
            throw damage
        } catch {
            tail = nil
            throw error
        }
    }

    public typealias JournalVisitor = (_ sequence: UInt64, _ type: UInt16, _ timestamp: Int64, _ payload: UnsafeRawBufferPointer) -> Void

    private func advance(journal: any JournalStore, rebuild: Bool, hint: JournalPlace?,
                         through: UInt64?, progress: ((UInt64) -> Void)?, alongside: JournalVisitor?) throws -> UInt64 {
        let environment = self.environment
        let tables = environment.tables
        var transaction = try LMDBTransaction(environment: environment, readOnly: false)
        defer { transaction.abort() }
        var reached = try Self.position(in: transaction, tables)
        var cleared = false
        // Read as stored: an index of an older layout has no checksums, and is rebuilt, not "damaged".
        let format = try transaction.storedBytes(tables.meta, Self.formatKey)
        if rebuild || format != IndexChecksum.seal(key: Self.formatKey, value: Self.format) {
            cleared = true
            try Self.clear(transaction, tables)
            try transaction.put(tables.meta, Self.formatKey, Self.format)
            reached = Position(sequence: 0, timestamp: 0)
        }
        // Already there (another process moved it on): nothing to read, nothing to write.
        if let through, !cleared, reached.sequence >= through { return reached.sequence }
        // The history goes on with the index from here (`SharedIndex+History`).
        let leveled = try levelHistory(with: reached, journal: journal, hint: hint, in: transaction, tables)
        // A reader already at the index's position was there: that record needs no second look.
        var confirmed = reached.sequence == 0 || tail.map { $0.journal == ObjectIdentifier(journal) && $0.past == reached.sequence } ?? false
        let reader = try tailReader(journal: journal, from: reached.sequence, hint: hint)
        var uncommitted = 0
        var batch = ApplicationBatch(transaction, applicationTables, identity: identity)
        // Decoding is most of a rebuild's time and pure: records are decoded on other threads
        // while this one reads on, and applied in order, all of them before each commit (`IndexRecords`).
        var undecoded = IndexRecords()
        var reachedPlace: JournalPlace?
        let far = through.map { through in { reached.sequence >= through } }
        try reader.forEachPlaced(stopAfterBatch: far) { sequence, place, type, timestamp, payload in
            tail?.past = sequence
            if sequence <= reached.sequence {
                // The record the index says it reflects must be this journal's, else the
                // index was made from another journal (replaced, restored): start again.
                if sequence == reached.sequence {
                    confirmed = timestamp == reached.timestamp
                    if !confirmed { throw ForeignIndex() }
                }
                return
            }
            guard confirmed else { return }
            alongside?(sequence, type, timestamp, payload)
            if type == EventCodec.eventRecordType, EventKindFilter.mayBeIndexedKind(payload) {
                try undecoded.append(sequence: sequence, place: place, payload: payload, applyingTo: &batch,
                                     storingPersonsIn: transaction, tables)
            }
            reached = Position(sequence: sequence, timestamp: timestamp)
            reachedPlace = place
            uncommitted += 1
            if uncommitted % Self.commitEvery == 0 {
                try undecoded.apply(to: &batch, storingPersonsIn: transaction, tables)
                progress?(sequence)
                try batch.write()
                // A rebuild stays one transaction (see above); it only writes its batch.
                if !rebuild {
                    try Self.save(reached, in: transaction, tables)
                    try Self.saveHistoryPosition(reached, place: reachedPlace, in: transaction, tables)
                    try transaction.commit()
                    transaction = try LMDBTransaction(environment: environment, readOnly: false)
                    uncommitted = 0
                }
                batch = ApplicationBatch(transaction, applicationTables, identity: identity)
            }
        }
        try undecoded.apply(to: &batch, storingPersonsIn: transaction, tables)
        try batch.write()
        if !confirmed { throw ForeignIndex() }
        // Nothing new: no commit, so a start over an index already at the end writes nothing.
        guard cleared || leveled || uncommitted > 0 else { return reached.sequence }
        try Self.save(reached, in: transaction, tables)
        // A leveling alone (no new record) has saved its own mark, with its place.
        if uncommitted > 0 || cleared { try Self.saveHistoryPosition(reached, place: reachedPlace, in: transaction, tables) }
        try transaction.commit()
        return reached.sequence
    }

    static func clear(_ transaction: LMDBTransaction, _ tables: LMDBEnvironment.Tables) throws {
        for table in tables.all { try transaction.clear(table) }
    }

    /// Writes the persons a process recorded since `base` (the index's position when it
    /// last caught up), with their latest mobile owners, and the applications and drafts
    /// it changed, and moves the position to `reached` (the history table with it),
    /// without reading the journal again. Only when the index is still at `base`: otherwise
    /// another process moved it, and this answers false (the caller catches up from the journal).
    func store(_ recent: PersonDirectory, _ applications: ApplicationBook, over base: UInt64,
               reaching reached: Position, journal: any JournalStore,
               knowing subjects: [UInt64: [(HistoryKey.Kind, String)]] = [:]) throws -> Bool {
        catchingUp.lock()
        defer { catchingUp.unlock() }
        let environment = self.environment
        guard environment.isCurrent else { return false }
        do {
            return try storeWriting(recent, applications, over: base, reaching: reached, in: environment,
                                    journal: journal, knowing: subjects)
        } catch is ForeignIndex {
            // Nothing was written: the caller's catch-up from the journal makes the index again.
            return false
        }
    }

    private func storeWriting(_ recent: PersonDirectory, _ applications: ApplicationBook, over base: UInt64, reaching reached: Position,
                              in environment: LMDBEnvironment, journal: any JournalStore,
                              knowing subjects: [UInt64: [(HistoryKey.Kind, String)]]) throws -> Bool {
        let tables = environment.tables
        return try environment.write { transaction in
            guard try Self.position(in: transaction, tables).sequence == base else { return false }
            for person in recent.changes.values { try Self.store(person, in: transaction, tables) }
            // Several persons may have been recorded with one number: the last one keeps it.
            for (mobile, number) in recent.mobiles where recent.changes[number]?.mobile == mobile {
                try transaction.put(tables.mobiles, Array(mobile.utf8), Array(number.utf8))
            }
            try applicationTables.store(applications, in: transaction)
            try Self.save(reached, in: transaction, tables)
            // The history reads its records' places from the journal; whom each concerns, the
            // process knows (`subjects`), and the journal is decoded only for what it does not.
            _ = try levelHistory(with: reached, journal: journal, hint: nil, knowing: subjects, in: transaction, tables)
            return true
        }
    }

    /// The kept reader when it is not past `sequence` (the index may have moved on without
    /// it, never back); otherwise a new one from `sequence`, so that record is seen again.
    private func tailReader(journal: any JournalStore, from sequence: UInt64,
                            hint: JournalPlace?) throws -> any JournalTail {
        if let tail, tail.journal == ObjectIdentifier(journal), tail.past <= sequence { return tail.reader }
        let reader = try journal.tail(from: max(sequence, 1), hint: hint)
        tail = (reader, ObjectIdentifier(journal), max(sequence, 1) - 1)
        return reader
    }

    /// The index was made from another journal than this one.
    struct ForeignIndex: Error {}

    /// Writes a person and moves its name, unit and mobile entries from its last record's.
    static func store(_ person: PersonRecord, in transaction: LMDBTransaction, _ tables: LMDBEnvironment.Tables) throws {
        let number = person.documentNumber
        if let bytes = try transaction.get(tables.persons, Array(number.utf8)),
           let old = try bytes.withUnsafeBytes(IndexValueCheck.person) as PersonRecord? {
            try transaction.delete(tables.names, compositeKey(old.name, number))
            if let unit = old.unitNumber {
                try transaction.delete(tables.units, compositeKey(unit, number))
                try ListingCount.members(ofUnit: unit).add(-1, in: transaction, tables.meta)
            }
            if let mobile = old.mobile, try transaction.get(tables.mobiles, Array(mobile.utf8)) == Array(number.utf8) {
                try transaction.delete(tables.mobiles, Array(mobile.utf8))
            }
        }
        try transaction.put(tables.persons, Array(number.utf8), PersonRecordCodec.encode(person))
        try transaction.put(tables.names, compositeKey(person.name, number), [])
        if let unit = person.unitNumber {
            try transaction.put(tables.units, compositeKey(unit, number), [])
            try ListingCount.members(ofUnit: unit).add(1, in: transaction, tables.meta)
        }
        if let mobile = person.mobile { try transaction.put(tables.mobiles, Array(mobile.utf8), Array(number.utf8)) }
    }

    static let positionKey = Array("position".utf8)
    /// The layout of the index's values (`PersonRecordCodec`); another one is rebuilt.
    static let formatKey = Array("format".utf8)
    /// The second byte is the application tables' layout (2: `ApplicationRecordCodec`, with
    /// `ApplicationBriefCodec` briefs in the status and unit entries); the third, 1 since
    /// every value carries its `IndexChecksum`; 2 since every whole listing has its `ListingCount`;
    /// 3 since it keeps each person's, account's and application's records (`HistoryKey`).
    static let format: [UInt8] = [UInt8(PersonRecordCodec.version), 2, 3]

    static func position(in transaction: LMDBTransaction, _ tables: LMDBEnvironment.Tables) throws -> Position {
        let stored: [UInt8]?
        do {
            stored = try transaction.get(tables.meta, positionKey)
        } catch let damage as IndexDamage {
            // An index of an older layout, without checksums, reflects nothing: it is rebuilt.
            guard try transaction.storedBytes(tables.meta, formatKey) == IndexChecksum.seal(key: formatKey, value: format) else {
                return Position(sequence: 0, timestamp: 0)
            }
            throw damage
        }
        guard let bytes = stored, bytes.count == 16 else { return Position(sequence: 0, timestamp: 0) }
        return bytes.withUnsafeBytes(Position.init)
    }

    static func save(_ position: Position, in transaction: LMDBTransaction, _ tables: LMDBEnvironment.Tables) throws {
        try transaction.put(tables.meta, positionKey, position.bytes)
    }
}
