import CLMDB
import CardDomain
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Journal
import Synchronization
import SystemPackage

/// The district's persons, applications and drafts as an LMDB index in the data directory
/// (`index/`), shared by every process on the machine through the page cache. Persons are
/// read here (by document number, by 卡预留手机号, by name and by unit), applications in
/// `SharedIndex+Applications`. It is derived from the journal and records the journal
/// position it reflects; `catchUp` moves it on, and deleting it loses nothing.
public final class SharedIndex: PersonSource, @unchecked Sendable {
    /// The environment in use; replaced when the index is repaired (here or by another process).
    private let opened: Mutex<LMDBEnvironment>
    var environment: LMDBEnvironment { opened.withLock { $0 } }
    public let identity: String
    let data: DataDirectory
    /// A journal reader kept between catch-ups, so each reads only what is new (a fresh
    /// reader walks its segment from the start), and the sequence number it is past.
    var tail: (reader: any JournalTail, journal: ObjectIdentifier, past: UInt64)?
    /// One catch-up at a time in this process; LMDB orders them across processes.
    let catchingUp = NSLock()
    /// The first read that failed (not "not found": failed, as after a disk error). From
    /// then on an absent answer may be wrong, so the repository refuses commands.
    private let readFailure = Mutex<String?>(nil)
    /// The first damage a read found: from then on nothing more is read from this
    /// environment, and the owner repairs the index (see `SharedIndex+Repair`).
    private let damageFound = Mutex<IndexDamage?>(nil)

    public var failure: String? { readFailure.withLock { $0 } }
    public var damage: IndexDamage? { damageFound.withLock { $0 } }

    func noteDamage(_ damage: IndexDamage) { damageFound.withLock { if $0 == nil { $0 = damage } } }

    /// One handle per index folder in this process, as LMDB requires.
    private static let open = Mutex<[String: WeakIndex]>([:])

    /// The index in `data`'s `index/` folder (created 0700 if missing), shared with any
    /// other repository of this process on the same folder. Throws `PathSafety.Refusal`
    /// for a folder that is a link or not safely ours, `IndexUnusable` for one that is no
    /// index (`openRepairing` moves it aside and starts a new one).
    public static func shared(in data: DataDirectory) throws -> SharedIndex {
        let folder = data.index
        if let refusal = PathSafety.problem(at: folder, what: "索引文件夹") { throw refusal }
        var status = stat()
        if lstat(folder.string, &status) != 0 { try SystemFileIO().makeDirectory(folder) }
        let key = URL(fileURLWithPath: folder.string).standardized.path
        return try open.withLock { handles in
            if let index = handles[key]?.index { return index }
            let index = try SharedIndex(folder: folder, data: data, identity: key)
            handles[key] = WeakIndex(index: index)
            return index
        }
    }

    /// An index over `folder`: the data directory's own, or one being built beside it.
    init(folder: FilePath, data: DataDirectory, identity: String) throws {
        let environment = try LMDBEnvironment(directory: folder)
        opened = Mutex(environment)
        self.data = data
        self.identity = identity
        // The position is the first read: a damaged meta page is found before anything is served.
        _ = try environment.read { try Self.position(in: $0, environment.tables) }
    }

    /// Uses `replacement` from now on: reads in progress finish on the old environment.
    func use(_ replacement: LMDBEnvironment) {
        opened.withLock { $0 = replacement }
        damageFound.withLock { $0 = nil }
        readFailure.withLock { $0 = nil }
        tail = nil
    }

    public var position: UInt64 { reading { try Self.position(in: $0, environment.tables).sequence } ?? 0 }

    /// The timestamp of the journal record at `position` (0 for none).
    var positionTimestamp: Int64 { reading { try Self.position(in: $0, environment.tables).timestamp } ?? 0 }

    public var count: Int { reading { try $0.count(environment.tables.persons) } ?? 0 }

    public func person(_ number: String) -> PersonRecord? {
        reading { try record(number, in: $0) } ?? nil
    }

    public func persons(_ numbers: [String]) -> [PersonRecord?] {
        reading { transaction in try numbers.map { try record($0, in: transaction) } } ?? numbers.map { _ in nil }
    }

    private func record(_ number: String, in transaction: LMDBTransaction) throws -> PersonRecord? {
        try transaction.get(environment.tables.persons, Array(number.utf8)).map { try $0.withUnsafeBytes(IndexValueCheck.person) }
    }

    public func documentNumber(ofMobile mobile: String) -> String? {
        guard let bytes = reading({ try $0.get(environment.tables.mobiles, Array(mobile.utf8)) }) ?? nil else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A read transaction; damage or a failure is remembered (see `damage`, `failure`) and
    /// answers nil, which the owner must not serve: it repairs the index or refuses.
    func reading<T>(_ body: (LMDBTransaction) throws -> T) -> T? {
        guard damage == nil else { return nil }
        do {
            return try environment.read(body)
        } catch let damage as IndexDamage {
            noteDamage(damage)
            return nil
        } catch {
            readFailure.withLock { if $0 == nil { $0 = "\(error)" } }
            return nil
        }
    }

    public func names(prefix: String, after: PersonKey?, limit: Int) -> [PersonKey] {
        keys(in: environment.tables.names, prefix: Array(prefix.utf8), after: after, limit: limit)
    }

    public func persons(namedWith prefix: String, after: PersonKey?, limit: Int) -> [PersonRecord] {
        entries(in: environment.tables.names, prefix: Array(prefix.utf8), after: after, limit: limit) { _, number, transaction in
            // Read in place, in the scan's transaction: no copy of the key or the record.
            guard let person = try transaction.withValue(in: environment.tables.persons, at: number, IndexValueCheck.person) else {
                throw IndexDamage(reason: "a name entry names a person the index does not hold")
            }
            return person
        }
    }

    /// A unit's members, whole. A damaged branch page can send a record's look-up to the
    /// wrong leaf, where the neighbours check: the unit's listing names the member, so a
    /// record not found is damage, as for a name entry.
    public func persons(ofUnit unit: String, after: String?, limit: Int) -> [PersonRecord] {
        let start = after.map { PersonKey(value: unit, number: $0) }
        return entries(in: environment.tables.units, prefix: Array(unit.utf8) + [0], after: start, limit: limit,
                       counted: .members(ofUnit: unit)) { _, number, transaction in
            guard let person = try transaction.withValue(in: environment.tables.persons, at: number, IndexValueCheck.person) else {
                throw IndexDamage(reason: "a unit's listing names a person the index does not hold")
            }
            return person
        }
    }

    /// A unit's members; a whole listing (from the start, ending before `limit`) is checked
    /// against its `ListingCount`.
    public func members(ofUnit unit: String, after: String?, limit: Int) -> [String] {
        let start = after.map { PersonKey(value: unit, number: $0) }
        return keys(in: environment.tables.units, prefix: Array(unit.utf8) + [0], after: start, limit: limit,
                    counted: .members(ofUnit: unit)).map(\.number)
    }

    /// Keys "value NUL number" starting with `prefix`, after `after`, in byte order.
    private func keys(in table: MDB_dbi, prefix: [UInt8], after: PersonKey?, limit: Int,
                      counted: ListingCount? = nil) -> [PersonKey] {
        entries(in: table, prefix: prefix, after: after, limit: limit, counted: counted) { key, _, _ in Self.personKey(key) }
    }

    /// What `make` gives for each key "value NUL number" starting with `prefix`, after
    /// `after`, in byte order (PersonKey's order), until `limit` are made; in one transaction.
    /// A whole listing with a `counted` is damage unless it finds that many.
    private func entries<Entry>(in table: MDB_dbi, prefix: [UInt8], after: PersonKey?, limit: Int,
                                counted: ListingCount? = nil,
                                _ make: (_ key: UnsafeRawBufferPointer, _ number: UnsafeRawBufferPointer,
                                         LMDBTransaction) throws -> Entry?) -> [Entry] {
        guard limit > 0 else { return [] }
        let start = after.map { Self.compositeKey($0.value, $0.number) } ?? prefix
        var found: [Entry] = []
        _ = reading { transaction in
            try transaction.scan(table, from: start) { key, _ in
                guard key.starts(with: prefix) else { return false }
                if after != nil, !start.lexicographicallyPrecedes(key) { return true }
                guard let separator = key.firstIndex(of: 0),
                      let entry = try make(key, UnsafeRawBufferPointer(rebasing: key[(separator + 1)...]), transaction) else { return true }
                found.append(entry)
                return found.count < limit
            }
            if let counted, after == nil, found.count < limit {
                try counted.check(found.count, in: transaction, environment.tables.meta)
            }
        }
        return found
    }

    static func compositeKey(_ value: String, _ number: String) -> [UInt8] { Array(value.utf8) + [0] + Array(number.utf8) }

    static func personKey(_ key: UnsafeRawBufferPointer) -> PersonKey? {
        guard let separator = key.firstIndex(of: 0) else { return nil }
        return PersonKey(value: String(decoding: key[..<separator], as: UTF8.self),
                         number: String(decoding: key[(separator + 1)...], as: UTF8.self))
    }
}

private struct WeakIndex {
    weak var index: SharedIndex?
}
