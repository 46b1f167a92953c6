import CLMDB
import CardDomain

/// How many entries one listing of the index holds (a unit's members, a unit's applications
/// in one status, a person's applications), kept in `meta` and moved in the same write
/// transaction as the entries. A value's checksum catches a changed entry, but not a missing
/// one: a damaged branch page sends a cursor past whole leaves, and a damaged page header
/// hides the entries after it. A whole listing that finds fewer or more than its count is damage.
struct ListingCount {
    let key: [UInt8]

    static func members(ofUnit unit: String) -> ListingCount {
        ListingCount(key: Array("members".utf8) + [0] + Array(unit.utf8))
    }

    static func applications(ofUnit unit: String, in status: ApplicationStatus) -> ListingCount {
        ListingCount(key: Array("unit applications".utf8) + [0] + Array(unit.utf8) + [0] + Array(status.rawValue.utf8))
    }

    static func applications(ofPerson number: String) -> ListingCount {
        ListingCount(key: Array("person applications".utf8) + [0] + Array(number.utf8))
    }

    func value(in transaction: LMDBTransaction, _ meta: MDB_dbi) throws -> Int {
        guard let bytes = try transaction.get(meta, key) else { return 0 }
        guard bytes.count == 8 else { throw IndexDamage(reason: "a listing's count is not 8 bytes") }
        return Int(Int64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(as: Int64.self) }))
    }

    /// Moves the count by `change`; a count back at zero is removed, so `meta` holds only
    /// the listings that have entries.
    func add(_ change: Int, in transaction: LMDBTransaction, _ meta: MDB_dbi) throws {
        let count = try value(in: transaction, meta) + change
        guard count >= 0 else { throw IndexDamage(reason: "a listing's count went below zero") }
        if count == 0 {
            try transaction.delete(meta, key)
        } else {
            try transaction.put(meta, key, withUnsafeBytes(of: Int64(count).littleEndian) { Array($0) })
        }
    }

    /// Every count stored under `kind` ("members", "unit applications", "person
    /// applications"), by the rest of its key: for `index verify`.
    static func stored(_ kind: String, in transaction: LMDBTransaction, _ meta: MDB_dbi) throws -> [String: Int] {
        let prefix = Array(kind.utf8) + [0]
        var counts: [String: Int] = [:]
        try transaction.scan(meta, from: prefix) { key, value in
            guard key.starts(with: prefix) else { return false }
            let count = value.count == 8 ? Int(Int64(littleEndian: value.loadUnaligned(as: Int64.self))) : -1
            counts[String(decoding: key[prefix.count...], as: UTF8.self)] = count
            return true
        }
        return counts
    }

    /// Throws when a whole listing's `found` entries are not its count.
    func check(_ found: Int, in transaction: LMDBTransaction, _ meta: MDB_dbi) throws {
        let expected = try value(in: transaction, meta)
        guard found == expected else {
            throw IndexDamage(reason: "a listing holds \(found) entries, its count \(expected)")
        }
    }
}
