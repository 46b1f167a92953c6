#if canImport(Glibc)
import Glibc
#endif
import Foundation
import SystemPackage

/// Who may change what the clerks see: a data directory, its journal, index and CA must be
/// owned by the user running sscard and writable by nobody else. Anyone who can write a
/// segment or `data.mdb` could change what is served, so such a place is refused, with
/// the command that fixes it; nothing is changed here.
public enum PathSafety {
    public struct Refusal: Error, CustomStringConvertible, Equatable {
        public let path: String
        public let problem: String
        public let fix: String
        public var description: String { "\(problem)。请运行：\(fix)" }
    }

    /// Checks `path` (not following a link) when it exists: nil when it is sound or absent.
    /// `what` names it in the message ("数据目录", "日志文件夹").
    public static func problem(at path: FilePath, what: String) -> Refusal? {
        var status = stat()
        guard lstat(path.string, &status) == 0 else {
            if errno == EACCES {
                return Refusal(path: path.string, problem: "无权访问\(what) \(path.string)（permission denied）",
                               fix: "以该目录的所有者运行 sscard，或请管理员检查其权限")
            }
            return nil
        }
        let shown = shellQuoted(path.string)
        if status.st_mode & S_IFMT == S_IFLNK {
            return Refusal(path: path.string, problem: "\(what) \(path.string) 是一个符号链接，可能指向别的部署",
                           fix: "rm \(shown)（sscard 会重新建立它），或把真正的文件夹放在此处")
        }
        if status.st_uid != geteuid() {
            return Refusal(path: path.string, problem: "\(what) \(path.string) 属于另一个用户（uid \(status.st_uid)）",
                           fix: "以该用户运行 sscard，或 chown -R \(geteuid()) \(shown)")
        }
        if status.st_mode & 0o022 != 0 {
            let isFolder = status.st_mode & S_IFMT == S_IFDIR
            let mode = String(status.st_mode & 0o777, radix: 8)
            return Refusal(path: path.string, problem: "\(what) \(path.string) 其他用户可写（权限 \(mode)）",
                           fix: isFolder ? "chmod -R go-w \(shown)" : "chmod 600 \(shown)")
        }
        return nil
    }

    /// The first problem among `path` and the entries directly inside it.
    public static func problemInFolder(_ path: FilePath, what: String) -> Refusal? {
        if let problem = problem(at: path, what: what) { return problem }
        guard let directory = opendir(path.string) else { return nil }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            if let problem = problem(at: path.appending(name), what: "\(what)中的文件") { return problem }
        }
        return nil
    }

    static func shellQuoted(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) } ? text
            : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
