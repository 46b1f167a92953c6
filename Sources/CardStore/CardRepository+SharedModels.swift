import CardDomain

extension CardRepository {
    /// Person changes held in this process before they are moved into the shared index.
    static let unsettledPersonLimit = 2_000
    /// Records after the last snapshot before another is saved, so no start replays much.
    static let snapshotInterval: UInt64 = 5_000

    /// Keeps this process small and the next start fast: moves the shared person index on
    /// when many persons are held here, and saves a snapshot when many records are not in one.
    func maintain() throws {
        if projection.state.persons.changes.count >= Self.unsettledPersonLimit { try settlePersons() }
        if sequence >= snapshotSequence + Self.snapshotInterval { try saveSnapshot() }
    }

    /// Brings the shared index to the journal's end and lets it answer for the persons.
    func settlePersons() throws {
        try personIndex.catchUp(journal: data.journal, io: io)
        projection.state.settlePersons(through: sequence)
        projection.indexedThrough = personIndex.position
    }
}
