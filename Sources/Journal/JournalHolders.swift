import Foundation
import SystemPackage

/// The processes, other than this one, that hold a segment journal open: every writer keeps
/// its LOCK file open while it lives, so /proc names them (those of this user, or all to
/// root). For `sscard status`, and for a copy that must not miss a late append.
public enum JournalHolders {
    public static func processes(holding directory: FilePath) -> [Int32] {
        let lock = URL(fileURLWithPath: directory.appending(Journal.lockFileName).string).standardizedFileURL.path
        let me = getpid()
        let pids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap(Int32.init).filter { $0 != me }
        return pids.filter { pid in
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
            return fds.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")) == lock }
        }.sorted()
    }
}
