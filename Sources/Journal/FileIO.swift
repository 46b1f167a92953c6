import SystemPackage

/// The thin seam between the journal and the operating system. Every byte the journal
/// reads or writes passes through here, so tests can inject ENOSPC, EIO, short writes
/// and EINTR (as swift-system's own tests do at their syscall seam).
///
/// Implementations report failures as `Errno`. They may return short reads and writes;
/// callers loop. They may throw `Errno.interrupted`; callers retry (see `retryingInterrupts`).
public protocol FileIO: Sendable {
    /// Opens `path` for reading and writing, creating it with mode 0600 when `create` is set.
    func openFile(_ path: FilePath, create: Bool, writable: Bool) throws -> FileDescriptor
    func openDirectory(_ path: FilePath) throws -> FileDescriptor
    func close(_ file: FileDescriptor)

    func read(_ file: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int
    func write(_ file: FileDescriptor, _ bytes: UnsafeRawBufferPointer, at offset: Int64) throws -> Int
    /// Flushes the file's data (fdatasync): what durable appends wait for.
    func syncData(_ file: FileDescriptor) throws
    /// Flushes data and metadata (fsync): for new files and directories.
    func syncAll(_ file: FileDescriptor) throws
    /// Reserves `length` bytes so that later writes need no allocation (fallocate).
    func allocate(_ file: FileDescriptor, length: Int64) throws
    func truncate(_ file: FileDescriptor, length: Int64) throws
    func size(_ file: FileDescriptor) throws -> Int64

    /// Takes or releases an exclusive advisory lock on the whole file (flock),
    /// which is what lets several processes append to one journal.
    func lock(_ file: FileDescriptor) throws
    /// Takes a shared lock (flock LOCK_SH): readers hold it while they decide where the
    /// acknowledged records end, so no writer is between its write and its sync then.
    func lockShared(_ file: FileDescriptor) throws
    func unlock(_ file: FileDescriptor) throws

    /// The offset of the first byte at or after `offset` that is not in a hole (SEEK_DATA),
    /// or nil when only holes follow: lets a tail check skip a sparse file's empty space.
    func nextData(_ file: FileDescriptor, from offset: Int64) throws -> Int64?

    func makeDirectory(_ path: FilePath) throws
    func listDirectory(_ path: FilePath) throws -> [String]
    func rename(_ source: FilePath, to destination: FilePath) throws
    func remove(_ path: FilePath) throws
    func exists(_ path: FilePath) -> Bool
    /// Whether `path` is a regular file itself, not a link, folder, FIFO or device.
    func isRegularFile(_ path: FilePath) -> Bool
}

extension FileIO {
    /// Writes all of `bytes` at `offset`, looping over short writes and EINTR.
    public func writeAll(_ file: FileDescriptor, _ bytes: UnsafeRawBufferPointer, at offset: Int64) throws {
        var done = 0
        while done < bytes.count {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[done...])
            let written = try retryingInterrupts { try write(file, rest, at: offset + Int64(done)) }
            guard written > 0 else { throw Errno.ioError }
            done += written
        }
    }

    /// Reads up to `buffer.count` bytes at `offset`, stopping early only at end of file.
    public func readFully(_ file: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        var done = 0
        while done < buffer.count {
            let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[done...])
            let count = try retryingInterrupts { try read(file, into: rest, at: offset + Int64(done)) }
            if count == 0 { break }
            done += count
        }
        return done
    }

    public func readBytes(_ file: FileDescriptor, count: Int, at offset: Int64) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { try readFully(file, into: $0, at: offset) }
        bytes.removeLast(count - got)
        return bytes
    }

    /// Writes `bytes` as the file `final`, wholly or not at all: under a temporary name
    /// (emptied first, in case a crashed run left one), synced, renamed into place, and
    /// the folder synced. On failure the temporary file is removed and the error thrown.
    public func writeAtomically(_ bytes: [UInt8], to final: FilePath) throws {
        // Its own temporary name, so that two processes saving one file at once never
        // write into the same temporary file; the rename decides which one stays.
        let temporary = FilePath(final.string + ".\(UInt64.random(in: 0...UInt64.max)).tmp")
        let file = try openFile(temporary, create: true, writable: true)
        do {
            try truncate(file, length: 0)
            try bytes.withUnsafeBytes { try writeAll(file, $0, at: 0) }
            try retryingInterrupts { try syncAll(file) }
            close(file)
        } catch {
            close(file)
            try? remove(temporary)
            throw error
        }
        try rename(temporary, to: final)
        try syncDirectory(final.removingLastComponent())
    }

    /// Syncs a directory so that a file created or renamed in it survives a crash.
    public func syncDirectory(_ path: FilePath) throws {
        let directory = try retryingInterrupts { try openDirectory(path) }
        defer { close(directory) }
        try retryingInterrupts { try syncAll(directory) }
    }
}

/// EINTR retry, written once.
@inline(__always)
func retryingInterrupts<T>(_ body: () throws -> T) throws -> T {
    while true {
        do {
            return try body()
        } catch Errno.interrupted {
            continue
        }
    }
}
