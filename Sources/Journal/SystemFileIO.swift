#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SystemPackage

/// The real file system. Files are created 0600 and directories 0700, whatever the umask.
public struct SystemFileIO: FileIO {
    public init() {}

    public func openFile(_ path: FilePath, create: Bool, writable: Bool) throws -> FileDescriptor {
        var options: FileDescriptor.OpenOptions = [.closeOnExec]
        if create { options.insert(.create) }
        return try FileDescriptor.open(
            path, writable ? .readWrite : .readOnly, options: options,
            permissions: [.ownerReadWrite])
    }

    public func openDirectory(_ path: FilePath) throws -> FileDescriptor {
        try FileDescriptor.open(path, .readOnly, options: [.directory, .closeOnExec])
    }

    public func close(_ file: FileDescriptor) {
        try? file.close()
    }

    public func read(_ file: FileDescriptor, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        try file.read(fromAbsoluteOffset: offset, into: buffer)
    }

    public func write(_ file: FileDescriptor, _ bytes: UnsafeRawBufferPointer, at offset: Int64) throws -> Int {
        try file.write(toAbsoluteOffset: offset, bytes)
    }

    public func syncData(_ file: FileDescriptor) throws {
        try check(fdatasync(file.rawValue))
    }

    public func syncAll(_ file: FileDescriptor) throws {
        try check(fsync(file.rawValue))
    }

    public func allocate(_ file: FileDescriptor, length: Int64) throws {
        // posix_fallocate reports its error as the result, not through errno. Where the
        // file system cannot reserve space, glibc writes the zeros itself.
        let result = posix_fallocate(file.rawValue, 0, off_t(length))
        if result != 0 { throw Errno(rawValue: result) }
    }

    public func truncate(_ file: FileDescriptor, length: Int64) throws {
        try file.resize(to: length)
    }

    public func size(_ file: FileDescriptor) throws -> Int64 {
        var status = stat()
        try check(fstat(file.rawValue, &status))
        return Int64(status.st_size)
    }

    public func lock(_ file: FileDescriptor) throws {
        try retryingInterrupts { try check(flock(file.rawValue, LOCK_EX)) }
    }

    public func lockShared(_ file: FileDescriptor) throws {
        try retryingInterrupts { try check(flock(file.rawValue, LOCK_SH)) }
    }

    public func nextData(_ file: FileDescriptor, from offset: Int64) throws -> Int64? {
        // SEEK_DATA is 3 on Linux; Glibc hides the name behind _GNU_SOURCE.
        let found = lseek(file.rawValue, off_t(offset), 3)
        if found >= 0 { return Int64(found) }
        switch errno {
        case ENXIO: return nil
        case EINVAL: return offset  // no SEEK_DATA on this file system: read everything
        default: throw Errno(rawValue: errno)
        }
    }

    public func unlock(_ file: FileDescriptor) throws {
        try check(flock(file.rawValue, LOCK_UN))
    }

    public func makeDirectory(_ path: FilePath) throws {
        if mkdir(path.string, 0o700) != 0 && errno != EEXIST { throw Errno(rawValue: errno) }
    }

    public func listDirectory(_ path: FilePath) throws -> [String] {
        guard let directory = opendir(path.string) else { throw Errno(rawValue: errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public func rename(_ source: FilePath, to destination: FilePath) throws {
        try check(Glibc.rename(source.string, destination.string))
    }

    public func remove(_ path: FilePath) throws {
        try check(unlink(path.string))
    }

    public func exists(_ path: FilePath) -> Bool {
        access(path.string, F_OK) == 0
    }

    public func isRegularFile(_ path: FilePath) -> Bool {
        var status = stat()
        return lstat(path.string, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    private func check(_ result: Int32) throws {
        if result != 0 { throw Errno(rawValue: errno) }
    }
}
