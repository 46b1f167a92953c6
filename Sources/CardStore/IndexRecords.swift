import CardDomain

/// The records a catch-up of the shared index has read and not yet applied: decoding them
/// is most of a new site's first start (a million persons' JSON), and it is pure, so it
/// runs on every core; applying stays in journal order, in the one write transaction.
struct IndexRecords {
    private struct Undecoded: Sendable {
        var sequence: UInt64
        var payload: [UInt8]
    }

    private var records: [Undecoded] = []

    var isEmpty: Bool { records.isEmpty }

    /// Keeps a copy: the reader's buffer is reused for the next records.
    mutating func append(sequence: UInt64, payload: UnsafeRawBufferPointer) {
        records.append(Undecoded(sequence: sequence, payload: Array(payload)))
    }

    /// Decodes the kept records and applies them in order: persons to the index's tables,
    /// the rest to the batch's applications. An event that does not decode is an error
    /// naming its sequence number, before anything after it is applied.
    mutating func apply(to batch: inout ApplicationBatch, storingPersonsIn transaction: LMDBTransaction,
                        _ tables: LMDBEnvironment.Tables) throws {
        guard !records.isEmpty else { return }
        // concurrentMap throws the first error in order, as decoding one by one would.
        let envelopes = try records.concurrentMap(minimumPerThread: 256) { record in
            try record.payload.withUnsafeBytes { try CardProjection.envelope(sequence: record.sequence, payload: $0) }
        }
        records.removeAll(keepingCapacity: true)
        for envelope in envelopes {
            if case .personRecorded(let person) = envelope.event {
                try SharedIndex.store(person, in: transaction, tables)
            } else {
                _ = batch.book.apply(envelope)
            }
        }
    }
}
