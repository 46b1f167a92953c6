import CLMDB
import CLMDBGuard

/// One LMDB transaction: reads see one consistent version; a write transaction's changes
/// appear to others only when it commits. Every value is written with its checksum
/// (`IndexChecksum`) and checked on every read; every call runs under the fault guard.
/// What does not check throws `IndexDamage`, so a damaged index is never served.
final class LMDBTransaction {
    let handle: OpaquePointer
    let readOnly: Bool
    private let environment: LMDBEnvironment
    private var finished = false

    init(environment: LMDBEnvironment, readOnly: Bool) throws {
        self.environment = environment
        self.readOnly = readOnly
        // Writers also hold the index folder's own lock: LMDB's writer mutex lives in
        // lock.mdb, and a lock.mdb that was deleted and made again would let two writers in.
        if !readOnly { try environment.lockWriters() }
        var created: OpaquePointer?
        do {
            if !readOnly { try environment.checkStillCurrent() }
            try Self.check(mdb_txn_begin(environment.handle, nil, readOnly ? UInt32(MDB_RDONLY) : 0, &created), "mdb_txn_begin")
        } catch {
            if !readOnly { environment.unlockWriters() }
            throw error
        }
        handle = created!
    }

    deinit { abort() }

    func commit() throws {
        guard !finished else { return }
        finished = true
        defer { environment.unlockWriters() }
        let code = sscard_lmdb_txn_commit(handle)
        if code == SSCARD_LMDB_FAULT { environment.abandon() }
        try Self.check(code, "mdb_txn_commit")
    }

    func abort() {
        guard !finished else { return }
        finished = true
        // A write transaction that faulted inside LMDB is in no state to be aborted: it is
        // left, with its environment, for the process's end (see `LMDBEnvironment.abandon`).
        if environment.isAbandoned && !readOnly { return environment.unlockWriters() }
        mdb_txn_abort(handle)
        if !readOnly { environment.unlockWriters() }
    }

    func open(_ name: String) throws -> MDB_dbi {
        var table: MDB_dbi = 0
        try guarded(sscard_lmdb_dbi_open(handle, name, UInt32(MDB_CREATE), &table), "mdb_dbi_open \(name)")
        return table
    }

    /// Damage from LMDB's own code; a fault in a write transaction also abandons it.
    private func guarded(_ code: Int32, _ call: @autoclosure () -> String) throws {
        if code == SSCARD_LMDB_FAULT, !readOnly { environment.abandon() }
        try Self.check(code, call())
    }

    static func check(_ code: Int32, _ call: @autoclosure () -> String) throws {
        guard code != MDB_SUCCESS else { return }
        if let damage = IndexDamage.fromLMDB(code, call()) { throw damage }
        throw LMDBError(code: code, call: call())
    }

    /// `bytes` as LMDB's MDB_val, valid during `body` (LMDB only reads a key or value given in).
    private func withValue<T>(_ bytes: [UInt8], _ body: (inout MDB_val) throws -> T) rethrows -> T {
        try bytes.withUnsafeBytes { buffer in
            var value = MDB_val(mv_size: buffer.count, mv_data: UnsafeMutableRawPointer(mutating: buffer.baseAddress))
            return try body(&value)
        }
    }

    func get(_ table: MDB_dbi, _ key: [UInt8]) throws -> [UInt8]? {
        try key.withUnsafeBytes { try withValue(in: table, at: $0) { Array($0) } }
    }

    /// The value under `key`, checked and given to `body` in place (valid only during the
    /// call), or nil. An absent key is checked too: the entries beside where it would be
    /// must check, so a key whose own bytes were damaged does not pass for "nobody".
    func withValue<T>(in table: MDB_dbi, at key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T? {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var value = MDB_val()
        let code = sscard_lmdb_get(handle, table, &keyValue, &value)
        if code == MDB_NOTFOUND {
            try checkNeighbours(of: key, in: table)
            return nil
        }
        try guarded(code, "mdb_get")
        return try body(try Self.opened(key: key, value))
    }

    static func opened(key: UnsafeRawBufferPointer, _ value: MDB_val) throws -> UnsafeRawBufferPointer {
        let stored = UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
        guard let opened = IndexChecksum.open(key: key, stored: stored) else {
            throw IndexDamage.checksumMismatch
        }
        return opened
    }

    /// Checks the entries on either side of where `key` would stand.
    private func checkNeighbours(of key: UnsafeRawBufferPointer, in table: MDB_dbi) throws {
        try withCursor(table) { cursor in
            var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
            var value = MDB_val()
            var code = sscard_lmdb_cursor_get(cursor, &keyValue, &value, MDB_SET_RANGE)
            if code == MDB_SUCCESS {
                try checkEntry(keyValue, value)
                code = sscard_lmdb_cursor_get(cursor, &keyValue, &value, MDB_PREV)
            } else if code == MDB_NOTFOUND {
                code = sscard_lmdb_cursor_get(cursor, &keyValue, &value, MDB_LAST)
            }
            if code == MDB_NOTFOUND { return }
            try guarded(code, "mdb_cursor_get")
            try checkEntry(keyValue, value)
        }
    }

    private func checkEntry(_ key: MDB_val, _ value: MDB_val) throws {
        _ = try Self.opened(key: UnsafeRawBufferPointer(start: key.mv_data, count: key.mv_size), value)
    }

    private func withCursor<T>(_ table: MDB_dbi, _ body: (OpaquePointer?) throws -> T) throws -> T {
        var cursor: OpaquePointer?
        try Self.check(mdb_cursor_open(handle, table, &cursor), "mdb_cursor_open")
        defer { mdb_cursor_close(cursor) }
        return try body(cursor)
    }

    /// The bytes stored under `key`, checksum and all, unchecked: only to recognise the
    /// layout marker of an index made by an older build.
    func storedBytes(_ table: MDB_dbi, _ key: [UInt8]) throws -> [UInt8]? {
        try withValue(key) { keyValue in
            var value = MDB_val()
            let code = sscard_lmdb_get(handle, table, &keyValue, &value)
            if code == MDB_NOTFOUND { return nil }
            try guarded(code, "mdb_get")
            return Array(UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size))
        }
    }

    func put(_ table: MDB_dbi, _ key: [UInt8], _ value: [UInt8]) throws {
        try withValue(key) { keyValue in
            try withValue(IndexChecksum.seal(key: key, value: value)) { dataValue in
                try guarded(sscard_lmdb_put(handle, table, &keyValue, &dataValue, 0), "mdb_put")
            }
        }
    }

    func delete(_ table: MDB_dbi, _ key: [UInt8]) throws {
        try withValue(key) { keyValue in
            let code = sscard_lmdb_del(handle, table, &keyValue)
            if code == MDB_NOTFOUND { return }
            try guarded(code, "mdb_del")
        }
    }

    /// Empties a table (for a rebuild).
    func clear(_ table: MDB_dbi) throws {
        try guarded(sscard_lmdb_drop(handle, table, 0), "mdb_drop")
    }

    func count(_ table: MDB_dbi) throws -> Int {
        var stat = MDB_stat()
        try guarded(sscard_lmdb_stat(handle, table, &stat), "mdb_stat")
        return stat.ms_entries
    }

    /// Calls `body` with each key and checked value from the first key at or after `start`,
    /// in byte order, until it returns false.
    func scan(_ table: MDB_dbi, from start: [UInt8], _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool) throws {
        try withCursor(table) { cursor in
            try withValue(start) { key in
                var value = MDB_val()
                var code = sscard_lmdb_cursor_get(cursor, &key, &value, start.isEmpty ? MDB_FIRST : MDB_SET_RANGE)
                while code == MDB_SUCCESS {
                    let keyBuffer = UnsafeRawBufferPointer(start: key.mv_data, count: key.mv_size)
                    guard try body(keyBuffer, try Self.opened(key: keyBuffer, value)) else { return }
                    code = sscard_lmdb_cursor_get(cursor, &key, &value, MDB_NEXT)
                }
                if code != MDB_NOTFOUND { try guarded(code, "mdb_cursor_get") }
            }
        }
    }
}
