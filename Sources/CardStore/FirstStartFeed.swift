/// A new site's state, built from the same read of the journal that builds its index.
/// A new site (an empty index, no snapshot) used to read the whole journal twice: once
/// for the index, then again for the state, skipping what the index holds. From
/// PostgreSQL, the second read of a million records cost 6 s.
///
/// The feed takes each record the index's catch-up reads, in order. Every kind the index
/// holds is left to it (as a replay after the index would); the rest (units, accounts,
/// login codes, …) is applied here, and none of those reads the index. Whenever the feed
/// cannot be sure it saw exactly the records the index holds (a record out of order, one
/// that does not decode, a catch-up that failed or was repaired), `loaded` answers nil and
/// the caller replays as before, which also reports what was wrong.
final class FirstStartFeed {
    private var projection = CardProjection()
    /// The last record taken: the feed takes 1, 2, 3, … and nothing else.
    private var sequence: UInt64 = 0
    private var abandoned = false

    init(index: SharedIndex) {
        projection.attach(index, at: 0)
        // Every record fed is one the index takes: its kinds are the index's to hold.
        projection.indexedThrough = .max
    }

    /// A record the index read. One already taken (the index's walk started again) is
    /// passed over; one that is not the next abandons the feed.
    func take(_ recordSequence: UInt64, _ type: UInt16, _ timestamp: Int64, _ payload: UnsafeRawBufferPointer) {
        guard !abandoned, recordSequence > sequence else { return }
        guard recordSequence == sequence + 1 else {
            abandoned = true
            return
        }
        do {
            try projection.apply(sequence: recordSequence, type: type, timestamp: timestamp, payload: payload)
        } catch {
            abandoned = true
            return
        }
        sequence = recordSequence
    }

    /// The state, when the feed took exactly the records 1…`indexPosition` (the index's
    /// position after a catch-up that succeeded); otherwise nil.
    func loaded(indexPosition: UInt64) -> ProjectionLoader<CardProjection>.Loaded? {
        guard !abandoned, sequence == indexPosition, indexPosition > 0 else { return nil }
        var model = projection
        model.indexedThrough = indexPosition
        return ProjectionLoader<CardProjection>.Loaded(model: model, sequence: sequence, replayed: Int(sequence),
                                                       snapshotProblem: nil, usedSnapshot: false)
    }
}
