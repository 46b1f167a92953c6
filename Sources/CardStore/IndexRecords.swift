import CardDomain
import Dispatch
import Journal

/// The records a catch-up of the shared index has read and not yet applied. Decoding them is
/// most of a new site's first start (a million persons' JSON), and it is pure: chunks of
/// records are decoded on other threads while this one goes on reading and writing the
/// index, and applied strictly in journal order, in the one write transaction.
struct IndexRecords {
    struct Undecoded: Sendable {
        var sequence: UInt64
        /// Where the record lies, kept in the history table (nil on PostgreSQL).
        var place: JournalPlace?
        var payload: [UInt8]
    }

    /// Records per chunk handed to another thread: enough to outweigh the hand-over.
    static let chunkSize = 1_000
    /// Chunks decoding at once, at most; the reader waits for the oldest beyond that.
    static let chunksAhead = 4

    private var filling: [Undecoded] = []
    /// Oldest first.
    private var decoding: [DecodingChunk] = []

    /// Keeps a copy (the reader's buffer is reused for the next records). A full chunk goes to
    /// another thread; when too many are under way, the oldest is applied first.
    mutating func append(sequence: UInt64, place: JournalPlace?, payload: UnsafeRawBufferPointer, applyingTo batch: inout ApplicationBatch,
                         storingPersonsIn transaction: LMDBTransaction, _ tables: LMDBEnvironment.Tables) throws {
        filling.append(Undecoded(sequence: sequence, place: place, payload: Array(payload)))
        guard filling.count == Self.chunkSize else { return }
        decoding.append(DecodingChunk(filling))
        filling = []
        filling.reserveCapacity(Self.chunkSize)
        while decoding.count > Self.chunksAhead {
            try Self.apply(decoding.removeFirst(), to: &batch, storingPersonsIn: transaction, tables)
        }
    }

    /// Applies every record read so far, in order, waiting for the chunks under way. An event
    /// that does not decode is an error naming its sequence number, and nothing after it is applied.
    mutating func apply(to batch: inout ApplicationBatch, storingPersonsIn transaction: LMDBTransaction,
                        _ tables: LMDBEnvironment.Tables) throws {
        while !decoding.isEmpty {
            try Self.apply(decoding.removeFirst(), to: &batch, storingPersonsIn: transaction, tables)
        }
        // A few records (a clerk's refresh): decoded here, without a hand-over.
        let last = filling
        filling = []
        try Self.apply(last, last.map(DecodingChunk.decode), to: &batch, storingPersonsIn: transaction, tables)
    }

    private static func apply(_ chunk: DecodingChunk, to batch: inout ApplicationBatch,
                       storingPersonsIn transaction: LMDBTransaction, _ tables: LMDBEnvironment.Tables) throws {
        try Self.apply(chunk.records, chunk.envelopes(), to: &batch, storingPersonsIn: transaction, tables)
    }

    private static func apply(_ records: [Undecoded], _ envelopes: [EventEnvelope], to batch: inout ApplicationBatch,
                       storingPersonsIn transaction: LMDBTransaction, _ tables: LMDBEnvironment.Tables) throws {
        for (record, envelope) in zip(records, envelopes) {
            if case .personRecorded(let person) = envelope.event {
                try SharedIndex.store(person, in: transaction, tables)
            } else {
                _ = batch.book.apply(envelope)
            }
            // The history table goes on with the index (`SharedIndex+History`).
            try SharedIndex.storeHistory(HistoryKey.subjects(of: envelope.event), at: record.sequence, record.place, in: transaction, tables)
        }
    }
}
