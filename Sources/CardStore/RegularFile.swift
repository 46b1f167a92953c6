#if canImport(Glibc)
import Glibc
#endif

/// Reads a file someone named (a photo, a path typed at the picker) without ever blocking
/// or reading a device: it is opened non-blocking, and only a regular file, checked on the
/// open descriptor (no race with a rename), is read. A link to a regular file is followed;
/// a link to a FIFO, a terminal or a device is refused like the thing itself.
public enum RegularFile {
    public enum Kind: Equatable, Sendable {
        case regular(size: Int)
        case directory
        /// A FIFO, socket or device: never opened for reading.
        case special
        case missing
    }

    /// What `path` is, following links (stat), without opening it.
    public static func kind(of path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return kind(status)
    }

    /// Where a symbolic link points, or nil when `path` is not one.
    public static func linkTarget(of path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return nil }
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public enum ReadFailure: Error, Equatable, Sendable {
        case missing, notRegular
        case unreadable(Int32)
    }

    /// Up to `limit` bytes of a regular file, and its whole size.
    public static func read(_ path: String, limit: Int) -> Result<(bytes: [UInt8], size: Int), ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return .failure(errno == ENOENT ? .missing : .unreadable(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(errno)) }
        guard case .regular(let size) = kind(status) else { return .failure(.notRegular) }
        var bytes = [UInt8](repeating: 0, count: max(0, min(limit, size)))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(done)) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return .failure(.unreadable(errno)) }
            if count == 0 { break }
            done += count
        }
        bytes.removeLast(bytes.count - done)
        return .success((bytes, Int(status.st_size)))
    }

    private static func kind(_ status: stat) -> Kind {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int(status.st_size))
        case S_IFDIR: return .directory
        default: return .special
        }
    }
}
