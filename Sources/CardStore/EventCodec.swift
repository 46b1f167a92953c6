import CardDomain
import Foundation

/// Domain events as journal records: type 1, the envelope as JSON (readable with
/// `sscard journal dump`). Other record types are not events and are skipped.
public enum EventCodec {
    public static let eventRecordType: UInt16 = 1

    public static func encode(_ envelope: EventEnvelope) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(envelope))
    }

    public static func decode(_ payload: UnsafeRawBufferPointer) throws -> EventEnvelope {
        try JSONDecoder().decode(EventEnvelope.self, from: Data(payload))
    }

    /// The envelope's kind alone, without building its event: for records a replay skips.
    /// The scanner answers almost every record; JSONDecoder the rest (see `EnvelopeKindScanner`).
    public static func kind(_ payload: UnsafeRawBufferPointer) throws -> String {
        if let kind = EnvelopeKindScanner.kind(payload) { return kind }
        return try JSONDecoder().decode(KindOnly.self, from: Data(payload)).kind
    }

    private struct KindOnly: Decodable { var kind: String }
}
