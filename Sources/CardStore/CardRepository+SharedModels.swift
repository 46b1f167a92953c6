import CardDomain

extension CardRepository {
    /// Keeps this process small and the next start fast: moves the shared index on when many
    /// persons or applications are held here, and saves a snapshot when many records are not in one.
    /// Both wait while another process writes the index: that is put off, up to `busyIndexLimit`.
    func maintain() throws {
        let held = projection.state.persons.changes.count + projection.state.applications.changes.count
        let due = (settle: held >= upkeep.unsettledPersonLimit, snapshot: sequence >= snapshotSequence + upkeep.snapshotInterval)
        guard due.settle || due.snapshot else { return }
        if held < upkeep.busyIndexLimit, sharedIndex.environment.writerIsBusy { return }
        if due.settle { try settleShared() }
        if due.snapshot { try saveSnapshot() }
    }

    /// Brings the shared index up and lets it answer for the persons and applications. When
    /// no other process moved the index since this one last did, what is held here is exactly
    /// what it lacks, and is written from memory; otherwise the index catches up from the journal.
    func settleShared() throws {
        if try !storedFromMemory() { try sharedIndex.catchUp(journal: journal, through: sequence) }
        unsettledHistory = [:]
        projection.state.settleShared(through: sequence)
        projection.indexedThrough = sharedIndex.position
        noteSettled()
    }

    /// Writes what is held here into the index, when it is exactly what the index lacks;
    /// false when another process moved it, or nothing was recorded here since.
    private func storedFromMemory() throws -> Bool {
        guard let base = settledAt, sequence > base else { return false }
        return try sharedIndex.store(projection.state.persons, projection.state.applications, over: base,
                                     reaching: .init(sequence: sequence, timestamp: lastTimestamp), journal: journal,
                                     knowing: unsettledHistory)
    }

    /// Records whether what is held here is now exactly what came after the index's position.
    func noteSettled() {
        let settled = projection.state.persons.changes.isEmpty && projection.state.applications.isSettled
        settledAt = settled && sharedIndex.position == sequence ? sequence : nil
    }
}

extension CardRepository {
    /// Damage a read of the shared index found; nothing read since is served, and every
    /// command is refused until `repairIndex` has run.
    public var indexDamage: IndexDamage? { sharedIndex.damage }

    /// Moves the damaged index aside, rebuilds it from the journal, and goes on with it.
    @discardableResult
    public func repairIndex(progress: ((_ reached: UInt64, _ last: UInt64) -> Void)? = nil) throws -> SharedIndex.Repair {
        let last = journal.lastSequence
        let repair = try sharedIndex.repair(journal: journal, progress: progress.map { report in { report($0, last) } })
        settleOnReplacedIndex()
        return repair
    }

    /// The index was replaced by a repair (here or in another process): it holds at least
    /// what this process applied, so it answers for everything.
    func settleOnReplacedIndex() {
        projection.state.settleShared(through: sequence)
        projection.indexedThrough = sharedIndex.position
        noteSettled()
    }
}
