import CardDomain
import Journal

/// A value stored in the shared index, opened as every read opens it: the checksum over
/// its key and bytes first, then the table's codec. Bytes that check but do not decode
/// are damage as well (never "nobody"), so a read never passes them off as an absence.
/// Public for the fuzzer, which feeds it arbitrary bytes.
public enum IndexValueCheck {
    public enum Table: CaseIterable, Sendable { case persons, briefs, applications, drafts, history }

    /// `stored` as read from `table` under `key`: nil when it checks and decodes.
    public static func problem(in table: Table, key: [UInt8], stored: [UInt8]) -> IndexDamage? {
        key.withUnsafeBytes { key in
            stored.withUnsafeBytes { stored in
                guard let value = IndexChecksum.open(key: key, stored: stored) else {
                    return IndexDamage.checksumMismatch
                }
                do {
                    switch table {
                    case .persons: _ = try person(value)
                    case .briefs: _ = try brief(value)
                    case .applications: _ = try application(value)
                    case .drafts: _ = try draft(value)
                    case .history: _ = try historyEntry(key: key, value: value)
                    }
                    return nil
                } catch {
                    return error as? IndexDamage
                }
            }
        }
    }

    /// `value` with its checksum, as the index stores it under `key`.
    public static func sealed(key: [UInt8], value: [UInt8]) -> [UInt8] { IndexChecksum.seal(key: key, value: value) }

    static func person(_ value: UnsafeRawBufferPointer) throws -> PersonRecord {
        guard let person = PersonRecordCodec.decode(value) else { throw undecodable("person") }
        return person
    }

    static func brief(_ value: UnsafeRawBufferPointer) throws -> ApplicationBrief {
        guard let brief = ApplicationBriefCodec.decode(value) else { throw undecodable("application brief") }
        return brief
    }

    static func application(_ value: UnsafeRawBufferPointer) throws -> Application {
        guard let application = ApplicationRecordCodec.decode(value) else { throw undecodable("application") }
        return application
    }

    static func draft(_ value: UnsafeRawBufferPointer) throws -> CardState.Draft {
        guard let draft = ApplicationRecordCodec.decodeDraft(Array(value)) else { throw undecodable("draft") }
        return draft
    }

    /// A history table entry: a `HistoryKey` (a kind, a subject, NUL, a sequence number
    /// above 0) and nothing or a place in the segments.
    static func historyEntry(key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) throws -> (sequence: UInt64, place: JournalPlace?) {
        guard key.count >= 10, HistoryKind(rawValue: key[0]) != nil, key[key.count - 9] == 0,
              let sequence = HistoryKey.sequence(key, prefixLength: key.count - 8), sequence > 0 else { throw undecodable("history key") }
        guard value.isEmpty || value.count == 16 else { throw undecodable("history entry") }
        let place = HistoryKey.place(of: sequence, value)
        if let place, place.offset < 0 || place.segment == 0 || place.segment > sequence { throw undecodable("history entry") }
        return (sequence, place)
    }

    private static func undecodable(_ what: String) -> IndexDamage {
        IndexDamage(reason: "a \(what) value checks but does not decode (written by another build?)")
    }
}
