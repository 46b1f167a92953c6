import CLMDB

/// One LMDB transaction: reads see one consistent version; a write transaction's changes
/// appear to others only when it commits.
final class LMDBTransaction {
    let handle: OpaquePointer
    private var finished = false

    init(environment: OpaquePointer, readOnly: Bool) throws {
        var created: OpaquePointer?
        try LMDBError.check(mdb_txn_begin(environment, nil, readOnly ? UInt32(MDB_RDONLY) : 0, &created), "mdb_txn_begin")
        handle = created!
    }

    func commit() throws {
        finished = true
        try LMDBError.check(mdb_txn_commit(handle), "mdb_txn_commit")
    }

    func abort() {
        guard !finished else { return }
        finished = true
        mdb_txn_abort(handle)
    }

    func open(_ name: String) throws -> MDB_dbi {
        var table: MDB_dbi = 0
        try LMDBError.check(mdb_dbi_open(handle, name, UInt32(MDB_CREATE), &table), "mdb_dbi_open \(name)")
        return table
    }

    /// `bytes` as LMDB's MDB_val, valid during `body` (LMDB only reads a key or value given in).
    private func withValue<T>(_ bytes: [UInt8], _ body: (inout MDB_val) throws -> T) rethrows -> T {
        try bytes.withUnsafeBytes { buffer in
            var value = MDB_val(mv_size: buffer.count, mv_data: UnsafeMutableRawPointer(mutating: buffer.baseAddress))
            return try body(&value)
        }
    }

    func get(_ table: MDB_dbi, _ key: [UInt8]) throws -> [UInt8]? {
        try withValue(key) { keyValue in
            var value = MDB_val()
            let code = mdb_get(handle, table, &keyValue, &value)
            if code == MDB_NOTFOUND { return nil }
            try LMDBError.check(code, "mdb_get")
            return Array(UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size))
        }
    }

    /// The value under `key`, given to `body` in place (valid only during the call), or nil.
    func withValue<T>(in table: MDB_dbi, at key: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T? {
        var keyValue = MDB_val(mv_size: key.count, mv_data: UnsafeMutableRawPointer(mutating: key.baseAddress))
        var value = MDB_val()
        let code = mdb_get(handle, table, &keyValue, &value)
        if code == MDB_NOTFOUND { return nil }
        try LMDBError.check(code, "mdb_get")
        return try body(UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size))
    }

    func put(_ table: MDB_dbi, _ key: [UInt8], _ value: [UInt8]) throws {
        try withValue(key) { keyValue in
            try withValue(value) { dataValue in
                try LMDBError.check(mdb_put(handle, table, &keyValue, &dataValue, 0), "mdb_put")
            }
        }
    }

    func delete(_ table: MDB_dbi, _ key: [UInt8]) throws {
        try withValue(key) { keyValue in
            let code = mdb_del(handle, table, &keyValue, nil)
            if code == MDB_NOTFOUND { return }
            try LMDBError.check(code, "mdb_del")
        }
    }

    /// Empties a table (for a rebuild).
    func clear(_ table: MDB_dbi) throws {
        try LMDBError.check(mdb_drop(handle, table, 0), "mdb_drop")
    }

    func count(_ table: MDB_dbi) throws -> Int {
        var stat = MDB_stat()
        try LMDBError.check(mdb_stat(handle, table, &stat), "mdb_stat")
        return stat.ms_entries
    }

    /// Calls `body` with each key (and value) from the first key at or after `start`, in
    /// byte order, until it returns false.
    func scan(_ table: MDB_dbi, from start: [UInt8], _ body: (_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws -> Bool) throws {
        var cursor: OpaquePointer?
        try LMDBError.check(mdb_cursor_open(handle, table, &cursor), "mdb_cursor_open")
        defer { mdb_cursor_close(cursor) }
        try withValue(start) { key in
            var value = MDB_val()
            var code = start.isEmpty ? mdb_cursor_get(cursor, &key, &value, MDB_FIRST)
                                     : mdb_cursor_get(cursor, &key, &value, MDB_SET_RANGE)
            while code == MDB_SUCCESS {
                let keyBuffer = UnsafeRawBufferPointer(start: key.mv_data, count: key.mv_size)
                let valueBuffer = UnsafeRawBufferPointer(start: value.mv_data, count: value.mv_size)
                guard try body(keyBuffer, valueBuffer) else { return }
                code = mdb_cursor_get(cursor, &key, &value, MDB_NEXT)
            }
            if code != MDB_NOTFOUND { try LMDBError.check(code, "mdb_cursor_get") }
        }
    }
}
