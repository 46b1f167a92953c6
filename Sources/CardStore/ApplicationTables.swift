import CLMDB
import CardDomain

/// The shared index's application and draft tables, read and written within a transaction:
/// by id, by person, by unit and status, by status (these two with the application's brief
/// as the value), with a count per status in `meta` and a `ListingCount` per whole listing.
struct ApplicationTables {
    let tables: LMDBEnvironment.Tables

    func total(in transaction: LMDBTransaction) throws -> Int { try transaction.count(tables.applications) }

    func application(_ id: String, in transaction: LMDBTransaction) throws -> Application? {
        try transaction.get(tables.applications, Array(id.utf8)).map { try $0.withUnsafeBytes(IndexValueCheck.application) }
    }

    func status(_ id: String, in transaction: LMDBTransaction) throws -> ApplicationStatus? {
        try transaction.get(tables.applications, Array(id.utf8)).flatMap(ApplicationRecordCodec.status)
    }

    func ids(ofPerson number: String, in transaction: LMDBTransaction) throws -> [String] {
        let found = try ids(in: tables.applicationsByPerson, prefix: Self.field(number), after: nil, limit: .max, transaction)
        try ListingCount.applications(ofPerson: number).check(found.count, in: transaction, tables.meta)
        return found
    }

    func briefs(ofUnit number: String, in status: ApplicationStatus?, _ transaction: LMDBTransaction) throws -> [ApplicationBrief] {
        let prefix = Self.field(number) + (status.map { Self.field($0.rawValue) } ?? [])
        let found = try briefs(in: tables.applicationsByUnit, prefix: prefix, after: nil, limit: .max, transaction)
        let counted = try (status.map { [$0] } ?? ApplicationStatus.allCases).reduce(0) { sum, status in
            sum + (try ListingCount.applications(ofUnit: number, in: status).value(in: transaction, tables.meta))
        }
        guard found.count == counted else {
            throw IndexDamage(reason: "unit \(number)'s applications are \(found.count) entries, its count \(counted)")
        }
        // Across statuses the keys run status by status: put them back in id order.
        return status == nil ? found.sorted { $0.id < $1.id } : found
    }

    func briefs(in status: ApplicationStatus, after: String?, limit: Int, _ transaction: LMDBTransaction) throws -> [ApplicationBrief] {
        let found = try briefs(in: tables.applicationsByStatus, prefix: Self.field(status.rawValue), after: after, limit: limit, transaction)
        if after == nil, found.count < limit, try found.count != count(in: status, transaction) {
            throw IndexDamage(reason: "the 「\(status.rawValue)」 listing holds \(found.count) entries, its count another")
        }
        return found
    }

    func census(_ ids: [String], in transaction: LMDBTransaction) throws -> ApplicationCensus {
        var counts: [ApplicationStatus: Int] = [:]
        for status in ApplicationStatus.allCases { counts[status] = try count(in: status, transaction) }
        return ApplicationCensus(total: try total(in: transaction), counts: counts,
                                 statuses: try ids.map { try self.status($0, in: transaction) })
    }

    func count(in status: ApplicationStatus, _ transaction: LMDBTransaction) throws -> Int {
        try transaction.get(tables.meta, Self.countKey(status)).map(Self.decodeCount) ?? 0
    }

    func draft(of person: String, in transaction: LMDBTransaction) throws -> CardState.Draft? {
        try transaction.get(tables.drafts, Array(person.utf8)).map { try $0.withUnsafeBytes(IndexValueCheck.draft) }
    }

    /// The ids ending the keys that start with `prefix` (the id is a key's last field),
    /// after `after`, in key order, with each key's value.
    private func entries<T>(in table: MDB_dbi, prefix: [UInt8], after: String?, limit: Int, _ transaction: LMDBTransaction,
                            _ make: (String, UnsafeRawBufferPointer) throws -> T?) throws -> [T] {
        guard limit > 0 else { return [] }
        var found: [T] = []
        try transaction.scan(table, from: prefix + (after.map { Array($0.utf8) } ?? [])) { key, value in
            guard key.starts(with: prefix) else { return false }
            let rest = key[prefix.count...]
            let id = String(decoding: rest[((rest.lastIndex(of: 0) ?? rest.startIndex - 1) + 1)...], as: UTF8.self)
            if let after, id <= after { return true }
            if let entry = try make(id, value) { found.append(entry) }
            return found.count < limit
        }
        return found
    }

    private func ids(in table: MDB_dbi, prefix: [UInt8], after: String?, limit: Int, _ transaction: LMDBTransaction) throws -> [String] {
        try entries(in: table, prefix: prefix, after: after, limit: limit, transaction) { id, _ in id }
    }

    /// The briefs stored as the entries' values; one that does not decode is damage.
    private func briefs(in table: MDB_dbi, prefix: [UInt8], after: String?, limit: Int,
                        _ transaction: LMDBTransaction) throws -> [ApplicationBrief] {
        try entries(in: table, prefix: prefix, after: after, limit: limit, transaction) { _, value in try IndexValueCheck.brief(value) }
    }

    /// Writes an application as it now is, and moves its status entries and count from its last record's.
    func store(_ application: Application, in transaction: LMDBTransaction) throws {
        let id = application.id
        let unitPrefix = application.unitNumber.map(Self.field)
        if let old = try status(id, in: transaction) {
            try transaction.delete(tables.applicationsByStatus, Self.field(old.rawValue) + Array(id.utf8))
            if let unit = application.unitNumber, let unitPrefix {
                try transaction.delete(tables.applicationsByUnit, unitPrefix + Self.field(old.rawValue) + Array(id.utf8))
                try ListingCount.applications(ofUnit: unit, in: old).add(-1, in: transaction, tables.meta)
            }
            try addToCount(-1, of: old, in: transaction)
        } else {
            try transaction.put(tables.applicationsByPerson, Self.field(application.personNumber) + Array(id.utf8), [])
            try ListingCount.applications(ofPerson: application.personNumber).add(1, in: transaction, tables.meta)
        }
        let brief = ApplicationBriefCodec.encode(ApplicationBrief(application))
        try transaction.put(tables.applications, Array(id.utf8), try ApplicationRecordCodec.encode(application))
        try transaction.put(tables.applicationsByStatus, Self.field(application.status.rawValue) + Array(id.utf8), brief)
        if let unit = application.unitNumber, let unitPrefix {
            try transaction.put(tables.applicationsByUnit, unitPrefix + Self.field(application.status.rawValue) + Array(id.utf8), brief)
            try ListingCount.applications(ofUnit: unit, in: application.status).add(1, in: transaction, tables.meta)
        }
        try addToCount(1, of: application.status, in: transaction)
    }

    func store(draft: CardState.Draft?, of person: String, in transaction: LMDBTransaction) throws {
        if let draft {
            try transaction.put(tables.drafts, Array(person.utf8), try ApplicationRecordCodec.encode(draft))
        } else {
            try transaction.delete(tables.drafts, Array(person.utf8))
        }
    }

    /// Writes everything a book changed since its base.
    func store(_ book: ApplicationBook, in transaction: LMDBTransaction) throws {
        for id in book.changes.keys.sorted() { try store(book.changes[id]!, in: transaction) }
        for (person, draft) in book.draftChanges { try store(draft: draft, of: person, in: transaction) }
    }

    private func addToCount(_ change: Int, of status: ApplicationStatus, in transaction: LMDBTransaction) throws {
        let count = try self.count(in: status, transaction) + change
        try transaction.put(tables.meta, Self.countKey(status), withUnsafeBytes(of: Int64(count).littleEndian) { Array($0) })
    }

    /// A key field followed by its NUL separator.
    static func field(_ text: String) -> [UInt8] { Array(text.utf8) + [0] }

    static func countKey(_ status: ApplicationStatus) -> [UInt8] { Array("count \(status.rawValue)".utf8) }

    static func decodeCount(_ bytes: [UInt8]) -> Int {
        guard bytes.count == 8 else { return 0 }
        return Int(Int64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(as: Int64.self) }))
    }
}
