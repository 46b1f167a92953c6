import CardDomain
import Dispatch

/// One chunk of event records decoding on a worker thread (`IndexRecords`). The worker
/// writes the answer once, before it signals; the reader reads it once, after it waits.
final class DecodingChunk: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var answer: Result<[EventEnvelope], any Error>?
    /// The records being decoded, for their sequence numbers and places (the payloads are
    /// kept until the chunk is applied, at most `IndexRecords.chunksAhead` chunks' worth).
    let records: [IndexRecords.Undecoded]

    init(_ records: [IndexRecords.Undecoded]) {
        self.records = records
        DispatchQueue.global().async { [self] in
            answer = Result { try records.map(Self.decode) }
            done.signal()
        }
    }

    /// The chunk's events in order, once decoded, or the first record's error.
    func envelopes() throws -> [EventEnvelope] {
        done.wait()
        return try answer!.get()
    }

    static func decode(_ record: IndexRecords.Undecoded) throws -> EventEnvelope {
        try record.payload.withUnsafeBytes { try CardProjection.envelope(sequence: record.sequence, payload: $0) }
    }
}
