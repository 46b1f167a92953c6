import CLMDB
import SystemPackage

/// One LMDB environment: a memory-mapped file that every process on the machine reads
/// through the page cache, without locks. LMDB serialises writers itself (across
/// processes too), and a write transaction commits all or nothing, so a crash leaves the
/// last committed state. Here it only ever holds data derived from the journal.
///
/// LMDB forbids opening one environment twice in a process (closing either breaks the
/// other's locks), so `SharedIndex` keeps one per path.
final class LMDBEnvironment: @unchecked Sendable {
    /// The named tables, opened once when the environment is.
    struct Tables {
        var meta: MDB_dbi = 0
        var persons: MDB_dbi = 0
        var mobiles: MDB_dbi = 0
        var names: MDB_dbi = 0
        var units: MDB_dbi = 0
        /// id → `ApplicationRecordCodec`; "person NUL id" → nothing; "unit NUL status NUL id"
        /// and "status NUL id" → `ApplicationBriefCodec`; person → draft.
        var applications: MDB_dbi = 0
        var applicationsByPerson: MDB_dbi = 0
        var applicationsByUnit: MDB_dbi = 0
        var applicationsByStatus: MDB_dbi = 0
        var drafts: MDB_dbi = 0

        var all: [MDB_dbi] {
            [meta, persons, mobiles, names, units, applications, applicationsByPerson, applicationsByUnit,
             applicationsByStatus, drafts]
        }
    }

    /// Address space only: the file grows with the data, not to this size.
    static let mapSize = 64 << 30

    let handle: OpaquePointer
    private(set) var tables = Tables()

    init(directory: FilePath) throws {
        var created: OpaquePointer?
        try LMDBError.check(mdb_env_create(&created), "mdb_env_create")
        handle = created!
        do {
            try LMDBError.check(mdb_env_set_maxdbs(handle, 16), "mdb_env_set_maxdbs")
            try LMDBError.check(mdb_env_set_mapsize(handle, Self.mapSize), "mdb_env_set_mapsize")
            // NOTLS: a read transaction is not tied to a thread. NOMETASYNC: a commit syncs
            // the data but not the meta page, so an OS crash may undo the last commit yet
            // never corrupts; the journal position it records says what to replay again.
            let flags = UInt32(MDB_NOTLS) | UInt32(MDB_NOMETASYNC)
            try LMDBError.check(mdb_env_open(handle, directory.string, flags, 0o600), "mdb_env_open \(directory)")
            // A clerk's process killed mid-read leaves its reader slot taken: free such slots.
            var cleared: Int32 = 0
            _ = mdb_reader_check(handle, &cleared)
            try write { transaction in
                tables.meta = try transaction.open("meta")
                tables.persons = try transaction.open("persons")
                tables.mobiles = try transaction.open("mobiles")
                tables.names = try transaction.open("names")
                tables.units = try transaction.open("units")
                tables.applications = try transaction.open("applications")
                tables.applicationsByPerson = try transaction.open("applicationsByPerson")
                tables.applicationsByUnit = try transaction.open("applicationsByUnit")
                tables.applicationsByStatus = try transaction.open("applicationsByStatus")
                tables.drafts = try transaction.open("drafts")
            }
        } catch {
            mdb_env_close(handle)
            throw error
        }
    }

    deinit { mdb_env_close(handle) }

    func read<T>(_ body: (LMDBTransaction) throws -> T) throws -> T {
        let transaction = try LMDBTransaction(environment: handle, readOnly: true)
        defer { transaction.abort() }
        return try body(transaction)
    }

    /// Runs `body` in a write transaction and commits it, or aborts it when `body` throws.
    func write<T>(_ body: (LMDBTransaction) throws -> T) throws -> T {
        let transaction = try LMDBTransaction(environment: handle, readOnly: false)
        do {
            let result = try body(transaction)
            try transaction.commit()
            return result
        } catch {
            transaction.abort()
            throw error
        }
    }
}

/// An LMDB call failed; the code is LMDB's (or an errno), the text its own.
struct LMDBError: Error, CustomStringConvertible {
    var code: Int32
    var call: String
    var description: String { "\(call): \(String(cString: mdb_strerror(code)))" }

    static func check(_ code: Int32, _ call: @autoclosure () -> String) throws {
        guard code == MDB_SUCCESS else { throw LMDBError(code: code, call: call()) }
    }
}
