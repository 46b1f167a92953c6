import CardDomain
import Journal

/// The shared index's history table: for each person, account and application, the journal
/// records that concern it, by sequence number, with the place of each on the segment journal.
/// A 变更记录 then reads a few records by place or position instead of the whole journal
/// (`PersonHistory`, `AccountHistory`). Keys are "kind subject NUL sequence (big-endian)", so
/// one subject's records are one range, oldest first; values are a `JournalPlace` or nothing.
enum HistoryKey {
    typealias Kind = HistoryKind

    /// The kinds of event a history shows; only these are decoded for it.
    static let eventKinds: Set<String> = ["personRecorded", "accountRecorded", "accountChanged", "applicationSubmitted",
                                          "employeeConfirmed", "applicationResubmitted", "statusChanged"]

    /// Whom `event` concerns, as the histories ask: a person by document number, an account
    /// by user name, an application by its number.
    static func subjects(of event: DomainEvent) -> [(Kind, String)] {
        switch event {
        case .personRecorded(let person): [(.person, person.documentNumber)]
        case .accountRecorded(let account): [(.account, account.username)]
        case .accountChanged(let change): [(.account, change.account.username)]
        case .applicationSubmitted(let submitted): [(.person, submitted.personNumber), (.application, submitted.applicationID)]
        case .employeeConfirmed(let confirmed): [(.person, confirmed.personNumber), (.application, confirmed.applicationID)]
        case .applicationResubmitted(let resubmitted): [(.application, resubmitted.applicationID)]
        case .statusChanged(let change): [(.application, change.applicationID)]
        default: []
        }
    }

    static func prefix(_ kind: Kind, _ subject: String) -> [UInt8] {
        [kind.rawValue] + Array(subject.utf8) + [0]
    }

    static func key(_ kind: Kind, _ subject: String, _ sequence: UInt64) -> [UInt8] {
        var key = prefix(kind, subject)
        withUnsafeBytes(of: sequence.bigEndian) { key += $0 }
        return key
    }

    /// The sequence number at the end of a key that starts with a subject's prefix.
    static func sequence(_ key: UnsafeRawBufferPointer, prefixLength: Int) -> UInt64? {
        guard key.count == prefixLength + 8 else { return nil }
        return key.loadUnaligned(fromByteOffset: prefixLength, as: UInt64.self).bigEndian
    }

    static func value(_ place: JournalPlace?) -> [UInt8] {
        guard let place else { return [] }
        var bytes: [UInt8] = []
        withUnsafeBytes(of: place.segment.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: place.offset.littleEndian) { bytes += $0 }
        return bytes
    }

    static func place(of sequence: UInt64, _ value: UnsafeRawBufferPointer) -> JournalPlace? {
        guard value.count == 16 else { return nil }
        return JournalPlace(sequence: sequence, segment: UInt64(littleEndian: value.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                            offset: Int64(littleEndian: value.loadUnaligned(fromByteOffset: 8, as: Int64.self)))
    }

    /// An order-free digest of a set of keys (their count and the sum of their FNV-1a
    /// hashes), so `index verify` compares millions of entries with the journal's in constant memory.
    struct Digest: Equatable {
        var count = 0
        var sum: UInt64 = 0

        mutating func add(_ key: some Collection<UInt8>) {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in key { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            count += 1
            sum &+= hash
        }
    }
}

/// Whose history is asked for: a person by document number, an account by user name, an
/// application by its number. The raw value is the first byte of a `HistoryKey`.
public enum HistoryKind: UInt8, Sendable {
    case person = 0x70
    case account = 0x75
    case application = 0x61
}
