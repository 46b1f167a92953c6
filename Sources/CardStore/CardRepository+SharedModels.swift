import CardDomain

extension CardRepository {
    /// Keeps this process small and the next start fast: moves the shared person index on
    /// when many persons are held here, and saves a snapshot when many records are not in one.
    func maintain() throws {
        if projection.state.persons.changes.count >= upkeep.unsettledPersonLimit { try settlePersons() }
        if sequence >= snapshotSequence + upkeep.snapshotInterval { try saveSnapshot() }
    }

    /// Brings the shared index up and lets it answer for the persons. When no other process
    /// moved the index since this one last did, the persons held here are exactly what it
    /// lacks, and are written from memory; otherwise the index catches up from the journal.
    func settlePersons() throws {
        if try !storedFromMemory() { try personIndex.catchUp(journal: data.journal, io: io) }
        projection.state.settlePersons(through: sequence)
        projection.indexedThrough = personIndex.position
        noteSettled()
    }

    /// Writes the persons held here into the index, when they are exactly what it lacks;
    /// false when another process moved it, or nothing was recorded here since.
    private func storedFromMemory() throws -> Bool {
        guard let base = settledAt, sequence > base else { return false }
        return try personIndex.store(projection.state.persons, over: base,
                                     reaching: .init(sequence: sequence, timestamp: lastTimestamp))
    }

    /// Records whether the persons held here are now exactly those after the index's position.
    func noteSettled() {
        settledAt = projection.state.persons.changes.isEmpty && personIndex.position == sequence ? sequence : nil
    }
}
