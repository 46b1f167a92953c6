import CardDomain

/// A value stored in the shared index, opened as every read opens it: the checksum over
/// its key and bytes first, then the table's codec. Bytes that check but do not decode
/// are damage as well (never "nobody"), so a read never passes them off as an absence.
/// Public for the fuzzer, which feeds it arbitrary bytes.
public enum IndexValueCheck {
    public enum Table: CaseIterable, Sendable { case persons, briefs, applications, drafts }

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

    private static func undecodable(_ what: String) -> IndexDamage {
        IndexDamage(reason: "a \(what) value checks but does not decode (written by another build?)")
    }
}
