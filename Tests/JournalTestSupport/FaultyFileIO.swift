import Journal
import Synchronization
import SystemPackage

/// The real file system with faults injected at the journal's I/O seam: a chosen call
/// fails with an errno, writes come back short, or EINTR interrupts them.
public final class FaultyFileIO: FileIO {
    public enum Operation: Sendable { case write, syncData, syncAll, allocate, read }

    public enum Action: Sendable {
        case fail(Errno)
        /// Writes at most this many bytes for real and reports the short count.
        case shortWrite(Int)
    }

    struct Fault: Sendable {
        var operation: Operation
        var action: Action
        /// Calls of this operation to let through before the fault fires.
        var after: Int
        /// How many times it fires.
        var times: Int
    }

    private let real = SystemFileIO()
    private let faults = Mutex<[Fault]>([])
    private let fired = Mutex<Int>(0)

    public init() {}

    public func inject(_ operation: Operation, _ action: Action, after: Int = 0, times: Int = 1) {
        faults.withLock { $0.append(Fault(operation: operation, action: action, after: after, times: times)) }
    }

    public var firedCount: Int { fired.withLock { $0 } }

    /// fdatasync and fsync calls that reached the disk, to count a batch's syncs.
    public var syncCount: Int { syncs.withLock { $0 } }
    private let syncs = Mutex<Int>(0)

    /// The byte ranges that reads returned (of any file), to show where a reader looked.
    public var rangesRead: [Range<Int64>] { readRanges.withLock { $0 } }
    private let readRanges = Mutex<[Range<Int64>]>([])

    /// The action due for this call of `operation`, if any.
    private func due(_ operation: Operation) -> Action? {
        let action: Action? = faults.withLock { faults in
            guard let index = faults.firstIndex(where: { $0.operation == operation && $0.times > 0 }) else { return nil }
            if faults[index].after > 0 {
                faults[index].after -= 1
                return nil
            }
            faults[index].times -= 1
            return faults[index].action
        }
        if action != nil { fired.withLock { $0 += 1 } }
        return action
    }

    private func failIfDue(_ operation: Operation) throws {
        if case .fail(let errno)? = due(operation) { throw errno }
    }

    public func openFile(_ path: FilePath, create: Bool, writable: Bool) throws -> FileDescriptor {
        try real.openFile(path, create: create, writable: writable)
    }
    public func openDirectory(_ path: FilePath) throws -> FileDescriptor { try real.openDirectory(path) }
    public func close(_ file: FileDescriptor) { real.close(file) }

    public func read(_ file: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        try failIfDue(.read)
        let count = try real.read(file, into: buffer, at: offset)
        readRanges.withLock { $0.append(offset..<(offset + Int64(count))) }
        return count
    }

    public func write(_ file: FileDescriptor, _ bytes: UnsafeRawBufferPointer, at offset: Int64) throws -> Int {
        switch due(.write) {
        case .fail(let errno)?:
            throw errno
        case .shortWrite(let limit)?:
            return try real.write(file, UnsafeRawBufferPointer(rebasing: bytes[0..<min(limit, bytes.count)]), at: offset)
        case nil:
            return try real.write(file, bytes, at: offset)
        }
    }

    public func syncData(_ file: FileDescriptor) throws {
        try failIfDue(.syncData)
        try real.syncData(file)
        syncs.withLock { $0 += 1 }
    }
    public func syncAll(_ file: FileDescriptor) throws {
        try failIfDue(.syncAll)
        try real.syncAll(file)
        syncs.withLock { $0 += 1 }
    }
    public func allocate(_ file: FileDescriptor, length: Int64) throws {
        try failIfDue(.allocate)
        try real.allocate(file, length: length)
    }
    public func truncate(_ file: FileDescriptor, length: Int64) throws { try real.truncate(file, length: length) }
    public func size(_ file: FileDescriptor) throws -> Int64 { try real.size(file) }
    public func lock(_ file: FileDescriptor) throws { try real.lock(file) }
    public func lockShared(_ file: FileDescriptor) throws { try real.lockShared(file) }
    public func unlock(_ file: FileDescriptor) throws { try real.unlock(file) }
    public func nextData(_ file: FileDescriptor, from offset: Int64) throws -> Int64? {
        try real.nextData(file, from: offset)
    }
    public func isRegularFile(_ path: FilePath) -> Bool { real.isRegularFile(path) }
    public func makeDirectory(_ path: FilePath) throws { try real.makeDirectory(path) }
    public func listDirectory(_ path: FilePath) throws -> [String] { try real.listDirectory(path) }
    public func rename(_ source: FilePath, to destination: FilePath) throws { try real.rename(source, to: destination) }
    public func remove(_ path: FilePath) throws { try real.remove(path) }
    public func exists(_ path: FilePath) -> Bool { real.exists(path) }
}
