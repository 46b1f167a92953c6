import Journal
import Synchronization
import SystemPackage

/// The real file system with faults injected at the journal's I/O seam: a chosen call
/// fails with an errno, writes come back short, or EINTR interrupts them.
final class FaultyFileIO: FileIO {
    enum Operation: Sendable { case write, syncData, syncAll, allocate, read }

    enum Action: Sendable {
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

    init() {}

    func inject(_ operation: Operation, _ action: Action, after: Int = 0, times: Int = 1) {
        faults.withLock { $0.append(Fault(operation: operation, action: action, after: after, times: times)) }
    }

    var firedCount: Int { fired.withLock { $0 } }

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

    func openFile(_ path: FilePath, create: Bool, writable: Bool) throws -> FileDescriptor {
        try real.openFile(path, create: create, writable: writable)
    }
    func openDirectory(_ path: FilePath) throws -> FileDescriptor { try real.openDirectory(path) }
    func close(_ file: FileDescriptor) { real.close(file) }

    func read(_ file: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        try failIfDue(.read)
        return try real.read(file, into: buffer, at: offset)
    }

    func write(_ file: FileDescriptor, _ bytes: UnsafeRawBufferPointer, at offset: Int64) throws -> Int {
        switch due(.write) {
        case .fail(let errno)?:
            throw errno
        case .shortWrite(let limit)?:
            return try real.write(file, UnsafeRawBufferPointer(rebasing: bytes[0..<min(limit, bytes.count)]), at: offset)
        case nil:
            return try real.write(file, bytes, at: offset)
        }
    }

    func syncData(_ file: FileDescriptor) throws {
        try failIfDue(.syncData)
        try real.syncData(file)
    }
    func syncAll(_ file: FileDescriptor) throws {
        try failIfDue(.syncAll)
        try real.syncAll(file)
    }
    func allocate(_ file: FileDescriptor, length: Int64) throws {
        try failIfDue(.allocate)
        try real.allocate(file, length: length)
    }
    func truncate(_ file: FileDescriptor, length: Int64) throws { try real.truncate(file, length: length) }
    func size(_ file: FileDescriptor) throws -> Int64 { try real.size(file) }
    func lock(_ file: FileDescriptor) throws { try real.lock(file) }
    func unlock(_ file: FileDescriptor) throws { try real.unlock(file) }
    func makeDirectory(_ path: FilePath) throws { try real.makeDirectory(path) }
    func listDirectory(_ path: FilePath) throws -> [String] { try real.listDirectory(path) }
    func rename(_ source: FilePath, to destination: FilePath) throws { try real.rename(source, to: destination) }
    func remove(_ path: FilePath) throws { try real.remove(path) }
    func exists(_ path: FilePath) -> Bool { real.exists(path) }
}
