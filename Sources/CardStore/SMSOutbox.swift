#if canImport(Glibc)
import Glibc
#endif
import CardDomain
import SystemPackage

/// The built-in SMS gateway: each message is appended, with its time and number, to
/// `sms-outbox` in the data directory (0600, never through a symbolic link), which
/// `sscard auth outbox` prints. Several terminals may append at once: each line is one
/// O_APPEND write.
public struct SMSOutbox: SMSGateway {
    public let path: FilePath

    public init(data: DataDirectory) {
        path = data.root.appending("sms-outbox")
    }

    public struct Entry: Equatable, Sendable {
        public let at: Int64
        public let phone: String
        public let message: String
    }

    public func send(_ message: String, to phone: String, at microseconds: Int64) throws {
        let descriptor = try FileDescriptor.open(path, .writeOnly, options: [.create, .append, .noFollow, .closeOnExec],
                                                 permissions: [.ownerReadWrite])
        defer { try? descriptor.close() }
        guard fchmod(descriptor.rawValue, 0o600) == 0 else { throw Errno(rawValue: errno) }
        let line = "\(microseconds)\t\(phone)\t\(message.filter { $0 != "\n" && $0 != "\t" })\n"
        _ = try descriptor.writeAll(Array(line.utf8))
        guard fsync(descriptor.rawValue) == 0 else { throw Errno(rawValue: errno) }
    }

    /// The messages so far, oldest first; lines that are not whole entries are skipped.
    public func entries() throws -> [Entry] {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(path, .readOnly, options: [.noFollow, .closeOnExec])
        } catch Errno.noSuchFileOrDirectory {
            return []
        }
        defer { try? descriptor.close() }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try descriptor.read(into: $0) }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let at = Int64(parts[0]) else { return nil }
            return Entry(at: at, phone: String(parts[1]), message: String(parts[2]))
        }
    }
}
