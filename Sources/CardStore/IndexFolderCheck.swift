#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// What `index/` must be before LMDB maps it: a real folder of ours that nobody else can
/// write (else `PathSafety.Refusal`, which a person fixes), and `data.mdb` and `lock.mdb`
/// regular files when they exist (else `IndexUnusable`, which a start repairs).
enum IndexFolderCheck {
    static func openFolder(_ directory: FilePath) throws -> FileDescriptor {
        if let refusal = PathSafety.problem(at: directory, what: "索引文件夹") { throw refusal }
        let descriptor = open(directory.string, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOTDIR { throw IndexUnusable(reason: "\(directory.string) is not a folder") }
            throw LMDBError(code: code, call: "open \(directory.string)")
        }
        for name in ["data.mdb", "lock.mdb"] {
            let path = directory.appending(name)
            var status = stat()
            guard lstat(path.string, &status) == 0 else { continue }
            if status.st_mode & S_IFMT != S_IFREG {
                close(descriptor)
                throw IndexUnusable(reason: "\(path.string) is not a regular file")
            }
            if let refusal = PathSafety.problem(at: path, what: "索引文件") {
                close(descriptor)
                throw refusal
            }
        }
        return FileDescriptor(rawValue: descriptor)
    }
}

/// The device and inode of an index's `data.mdb` and `lock.mdb` as a process opened them.
final class IndexFileIdentity: @unchecked Sendable {
    private let folder: FilePath
    private var noted: [FileID?] = []

    struct FileID: Equatable {
        var device: UInt
        var inode: UInt
    }

    init(folder: FilePath) { self.folder = folder }

    func note() { noted = current() }

    var isCurrent: Bool { current() == noted }

    private func current() -> [FileID?] {
        ["data.mdb", "lock.mdb"].map { name in
            var status = stat()
            guard stat(folder.appending(name).string, &status) == 0 else { return nil }
            return FileID(device: UInt(status.st_dev), inode: UInt(status.st_ino))
        }
    }
}
