import Journal

extension PostgresJournal {
    /// The advisory lock that queues writers once they have lost a round: `sscard_append`
    /// takes it shared, a queued writer exclusive for its whole decide-and-append.
    static let queueLock = 0x5353_434A

    /// What one round of decide-and-append came to.
    enum Round {
        case appended(ClosedRange<UInt64>)
        case nothing
        case headMoved
    }

    /// Catch up, decide, append. The first round decides on the head this handle last left
    /// (one round trip when no other site appended). A site that lost a round queues: it
    /// takes the queue lock, so rounds are served in turn and a site appending without
    /// pause cannot win every one.
    public func append(deciding decide: (_ lastSequence: UInt64) throws -> [JournalEntry]) throws -> ClosedRange<UInt64>? {
        for attempt in 0..<Self.maximumTries {
            // A writer that had to queue lately queues at once: under contention its
            // optimistic round would only lose again.
            let queued = attempt > 0 || queueRounds > 0
            switch queued ? try queuedRound(decide) : try optimisticRound(decide) {
            case .appended(let range):
                queueRounds = queued ? (attempt > 0 ? Self.queueRoundsAfterContention : max(0, queueRounds - 1)) : 0
                return range
            case .nothing: return nil
            case .headMoved: continue
            }
        }
        throw PostgresJournalError.contended(tries: Self.maximumTries)
    }

    /// How many appends after a lost round go straight to the queue.
    static let queueRoundsAfterContention = 16

    /// One statement, committed on its own: the head row's lock is held only inside it.
    private func optimisticRound(_ decide: (UInt64) throws -> [JournalEntry]) throws -> Round {
        let head = try knownHead ?? head()
        knownHead = nil
        guard let batch = try batch(decide, after: head) else { return .nothing }
        let connection = try connected()
        let reached: Int64
        do {
            reached = try connection.query("SELECT sscard_append($1, $2, $3, $4, $5, $6, $7)", batch.parameters,
                                           deadline: appendDeadline).integer(0, 0) ?? -1
        } catch PostgresFailure.lost(let message) {
            return try lostAnswer(batch, message)
        }
        guard reached >= 0 else { return .headMoved }
        return try acknowledged(batch, on: connection)
    }

    /// In a transaction holding the queue lock: the head read, the decision and the append,
    /// then COMMIT, the statement that waits for the standby. The server ends a session left
    /// idle in it (`idle_in_transaction_session_timeout`), so a frozen writer cannot hold
    /// the queue for long.
    private func queuedRound(_ decide: (UInt64) throws -> [JournalEntry]) throws -> Round {
        knownHead = nil
        let connection = try connected()
        let batch: PostgresBatch
        do {
            // One round trip: the transaction, the queue, and the head as it is once this
            // writer's turn has come.
            let rows = try connection.textRows("""
                BEGIN; SELECT pg_advisory_xact_lock(\(Self.queueLock));
                SELECT position, encode(hash, 'hex') FROM journal_head
                """)
            guard rows.count == 1, let position = rows[0][0].flatMap({ UInt64($0) }), let hash = rows[0][1].flatMap(Self.bytes(hex:)) else {
                throw PostgresJournalError.damaged(position: 0, reason: "journal_head does not hold one row")
            }
            guard let decided = try self.batch(decide, after: (position, hash)) else {
                try connection.query("ROLLBACK")
                return .nothing
            }
            batch = decided
            let reached = try connection.query("SELECT sscard_append($1, $2, $3, $4, $5, $6, $7)", batch.parameters,
                                               deadline: appendDeadline).integer(0, 0) ?? -1
            guard reached >= 0 else {
                try connection.query("ROLLBACK")
                return .headMoved
            }
        } catch {
            // Nothing was committed: the transaction is rolled back, or went with its connection.
            if connection.isUp { _ = try? connection.query("ROLLBACK") } else { self.connection = nil }
            throw error
        }
        do {
            try connection.query("COMMIT", deadline: appendDeadline)
        } catch PostgresFailure.lost(let message) {
            return try lostAnswer(batch, message)
        }
        return try acknowledged(batch, on: connection)
    }

    static func bytes(hex: String) -> [UInt8]? {
        guard hex.utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }

    /// The batch `decide` makes on `head`, or nil when it decides nothing.
    private func batch(_ decide: (UInt64) throws -> [JournalEntry], after head: (position: UInt64, hash: [UInt8])) throws -> PostgresBatch? {
        let entries = try decide(head.position)
        if entries.isEmpty { return nil }
        for entry in entries where entry.type == 0 || entry.type == 0xFFFF { throw JournalError.invalidRecordType }
        return PostgresBatch(entries, after: head)
    }

    /// The commit answered. Success with a warning is how a commit whose wait for the
    /// synchronous standby was cancelled reports: done here, maybe not on the standby, so
    /// maybe lost at a failover. It is never said to be saved.
    private func acknowledged(_ batch: PostgresBatch, on connection: PostgresConnection) throws -> Round {
        if let warning = connection.warnings.first, !trustsWarnings {
            self.connection = nil
            throw PostgresJournalError.outcomeUnknown("the server answered with a warning: \(warning)")
        }
        knownHead = (batch.lastPosition, batch.lastHash)
        lastWrittenTimestamp = batch.lastTimestamp
        return .appended((batch.lastPosition - UInt64(batch.ids.count) + 1)...batch.lastPosition)
    }

    /// The connection dropped with the commit sent: it may have happened. The batch is looked
    /// for by its first record's id before anything is decided again.
    private func lostAnswer(_ batch: PostgresBatch, _ message: String) throws -> Round {
        connection = nil
        guard let first = try? positionOnceSettled(ofRecord: batch.ids[0]) else {
            throw PostgresJournalError.outcomeUnknown(message)
        }
        lastWrittenTimestamp = batch.lastTimestamp
        return .appended(first...(first + UInt64(batch.ids.count) - 1))
    }

    /// Where the record with `id` was appended, asked once no append is under way: the
    /// head's lock is held until an append commits, its wait for the standby included. Nil
    /// ("not found") leaves the outcome unknown, since the lost statement may not have
    /// reached the server yet; a later decision sees it if it was appended.
    func positionOnceSettled(ofRecord id: String) throws -> UInt64? {
        try connected().query("SELECT sscard_settled_position($1)", [id]).integer(0, 0).map(UInt64.init)
    }
}
