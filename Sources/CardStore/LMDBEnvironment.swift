import CLMDB
import Foundation
import Journal
import Synchronization
import SystemPackage

/// One LMDB environment: a memory-mapped file that every process on the machine reads
/// through the page cache, without locks. LMDB serialises writers itself (across
/// processes too), and a write transaction commits all or nothing, so a crash leaves the
/// last committed state. Here it only ever holds data derived from the journal, and its
/// file is untrusted: it is checked before it is mapped, and every read is checked.
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
        /// `HistoryKey`s → the record's place, or nothing.
        var history: MDB_dbi = 0

        var all: [MDB_dbi] {
            [meta, persons, mobiles, names, units, applications, applicationsByPerson, applicationsByUnit,
             applicationsByStatus, drafts, history]
        }
    }

    /// Address space only: the file grows with the data, not to this size.
    static let mapSize = 64 << 30

    let handle: OpaquePointer
    private(set) var tables = Tables()
    /// The index folder, held open: writers flock it (see `lockWriters`).
    private let folder: FileDescriptor
    /// The files as opened, to notice when either was replaced under this process.
    private let identity: IndexFileIdentity
    private let writers = NSLock()
    private let abandoned = Atomic<Bool>(false)

    /// Opens the environment in `directory`, which `IndexFolderCheck` has found sound.
    /// Throws `IndexUnusable` for a file that is not an index or is shorter than its pages.
    init(directory: FilePath) throws {
        folder = try IndexFolderCheck.openFolder(directory)
        var created: OpaquePointer?
        do {
            try LMDBTransaction.check(mdb_env_create(&created), "mdb_env_create")
        } catch {
            try? folder.close()
            throw error
        }
        // From here on `deinit` closes the environment, also when this init throws.
        handle = created!
        identity = IndexFileIdentity(folder: directory)
        try LMDBTransaction.check(mdb_env_set_maxdbs(handle, 16), "mdb_env_set_maxdbs")
        try LMDBTransaction.check(mdb_env_set_mapsize(handle, Self.mapSize), "mdb_env_set_mapsize")
        // NOTLS: a read transaction is not tied to a thread. NOMETASYNC: a commit syncs
        // the data but not the meta page, so an OS crash may undo the last commit yet
        // never corrupts; the journal position it records says what to replay again.
        let flags = UInt32(MDB_NOTLS) | UInt32(MDB_NOMETASYNC)
        let code = mdb_env_open(handle, directory.string, flags, 0o600)
        guard code == MDB_SUCCESS else {
            throw IndexUnusable(reason: "LMDB cannot open \(directory.string): \(String(cString: mdb_strerror(code)))")
        }
        try checkFileHoldsItsPages()
        identity.note()
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
            tables.history = try transaction.open("history")
        }
    }

    deinit {
        // An environment whose write transaction faulted inside LMDB is left as it is.
        if !isAbandoned { mdb_env_close(handle) }
        try? folder.close()
    }

    /// The meta page names the last page in use; a file shorter than that (cut, or half
    /// copied) would be mapped and fault at the first read of a missing page. Refused.
    func checkFileHoldsItsPages() throws {
        var info = MDB_envinfo()
        var stat = MDB_stat()
        try LMDBTransaction.check(mdb_env_info(handle, &info), "mdb_env_info")
        try LMDBTransaction.check(mdb_env_stat(handle, &stat), "mdb_env_stat")
        var descriptor: Int32 = -1
        try LMDBTransaction.check(mdb_env_get_fd(handle, &descriptor), "mdb_env_get_fd")
        var status = Glibc.stat()
        guard fstat(descriptor, &status) == 0 else { throw LMDBError(code: errno, call: "fstat") }
        let needed = Int64(info.me_last_pgno + 1) * Int64(stat.ms_psize)
        guard Int64(status.st_size) >= needed else {
            throw IndexUnusable(reason: "data.mdb holds \(status.st_size) bytes, but its pages need \(needed): the file was cut short")
        }
    }

    var isAbandoned: Bool { abandoned.load(ordering: .relaxed) }

    /// A write transaction faulted inside LMDB: it holds LMDB's writer mutex and half-made
    /// pages, so neither it nor the environment may be touched again in this process. The
    /// mutex is robust: it is freed when the process ends.
    func abandon() { abandoned.store(true, ordering: .relaxed) }

    func lockWriters() throws {
        guard !isAbandoned else { throw IndexDamage(reason: "an earlier write to this index faulted") }
        writers.lock()
        do {
            try SystemFileIO().lock(folder)
        } catch {
            writers.unlock()
            throw error
        }
    }

    /// Whether a writer (in this process or another, such as an import settling) holds the
    /// index now. Asked without waiting: an interactive process then settles later.
    var writerIsBusy: Bool {
        guard writers.try() else { return true }
        defer { writers.unlock() }
        guard flock(folder.rawValue, LOCK_EX | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(folder.rawValue, LOCK_UN)
        return false
    }

    func unlockWriters() {
        try? SystemFileIO().unlock(folder)
        writers.unlock()
    }

    /// Whether `data.mdb` and `lock.mdb` are still the files this environment opened.
    var isCurrent: Bool { identity.isCurrent }

    /// Before writing: another process may have replaced the index (after damage), or
    /// someone deleted `lock.mdb`, whose writer mutex then no longer excludes anyone.
    func checkStillCurrent() throws {
        guard isCurrent else { throw IndexReplaced() }
    }

    func read<T>(_ body: (LMDBTransaction) throws -> T) throws -> T {
        let transaction = try LMDBTransaction(environment: self, readOnly: true)
        defer { transaction.abort() }
        return try body(transaction)
    }

    /// Runs `body` in a write transaction and commits it, or aborts it when `body` throws.
    func write<T>(_ body: (LMDBTransaction) throws -> T) throws -> T {
        let transaction = try LMDBTransaction(environment: self, readOnly: false)
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

/// The files of the index were replaced since this process opened them: reopen.
struct IndexReplaced: Error, CustomStringConvertible {
    var description: String { "the shared index's files were replaced since this process opened them" }
}

/// An LMDB call failed; the code is LMDB's (or an errno), the text its own.
struct LMDBError: Error, CustomStringConvertible {
    var code: Int32
    var call: String
    var description: String { "\(call): \(String(cString: mdb_strerror(code)))" }
}
