#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Journal
import SystemPackage

/// Repairing the index: it is derived, so a damaged or unusable one is moved aside
/// (`index.damaged-<UTC time>`, kept for whoever wants to look) and a new one is built
/// from the journal beside it (`index.rebuilding`), then renamed into place. Other
/// processes go on reading the old one, checked, until they see the new one
/// (`reopenIfReplaced`); none ever sees a half-built index. One repair at a time per data
/// directory: it holds a lock on the data directory's folder itself.
extension SharedIndex {
    /// What a repair did, for the one line that tells the user.
    public struct Repair: Sendable, Equatable {
        public var reason: String
        /// Where the old index was moved, or nil when another process had repaired it.
        public var movedTo: String?
        public var position: UInt64
    }

    static let buildingName = "index.rebuilding"

    /// The index of `data`, moving aside one that cannot be opened or whose first read
    /// finds damage, and building a new one from the journal with `progress`.
    public static func openRepairing(in data: DataDirectory, journal: any JournalStore,
                                     progress: ((UInt64) -> Void)? = nil) throws -> (index: SharedIndex, repair: Repair?) {
        let reason: String
        do {
            return (try shared(in: data), nil)
        } catch let unusable as IndexUnusable {
            reason = unusable.reason
        } catch let damage as IndexDamage {
            reason = damage.reason
        }
        let movedTo = try rebuildAside(data: data, journal: journal, progress: progress) {
            // Another process may have repaired it while this one waited for the lock.
            (try? SharedIndex(folder: data.index, data: data, identity: data.index.string)) == nil
        }
        let index = try shared(in: data)
        return (index, Repair(reason: reason, movedTo: movedTo, position: index.position))
    }

    /// After damage was found (see `damage`): repairs the index and uses the new one.
    public func repair(journal: any JournalStore, progress: ((UInt64) -> Void)? = nil) throws -> Repair {
        let reason = damage?.reason ?? failure ?? "asked to repair"
        catchingUp.lock()
        defer { catchingUp.unlock() }
        let current = environment
        let movedTo = try Self.rebuildAside(data: data, journal: journal, progress: progress) { current.isCurrent }
        use(try LMDBEnvironment(directory: data.index))
        return Repair(reason: reason, movedTo: movedTo, position: position)
    }

    /// Goes on with the index now in place when another process replaced it (after a
    /// repair). Cheap: two stats. Answers whether it switched.
    @discardableResult
    public func reopenIfReplaced() -> Bool {
        guard !environment.isCurrent else { return false }
        // A repair is renaming folders right now: keep the old one until it is done.
        guard let lock = try? Self.repairLock(data, wait: false) else { return false }
        defer { close(lock) }
        guard !environment.isCurrent, let replacement = try? LMDBEnvironment(directory: data.index) else { return false }
        use(replacement)
        return true
    }

    func reopen() throws {
        let lock = try Self.repairLock(data, wait: true)
        defer { close(lock) }
        use(try LMDBEnvironment(directory: data.index))
    }

    /// Under the repair lock, when `stillNeeded`: builds a new index from the journal in
    /// `index.rebuilding`, moves the old one aside and the new one into place. Returns where
    /// the old one went (nil when there was none, or no repair was needed after all).
    static func rebuildAside(data: DataDirectory, journal: any JournalStore,
                             progress: ((UInt64) -> Void)?, stillNeeded: () -> Bool) throws -> String? {
        let lock = try repairLock(data, wait: true)
        defer { close(lock) }
        guard stillNeeded() else { return nil }
        let building = data.root.appending(buildingName)
        // A repair killed half-way left its folder: it is only ever derived data.
        try? FileManager.default.removeItem(atPath: building.string)
        try SystemFileIO().makeDirectory(building)
        do {
            let builder = try SharedIndex(folder: building, data: data, identity: building.string)
            try builder.catchUp(journal: journal, progress: progress)
        }
        var movedTo: String?
        var status = stat()
        if lstat(data.index.string, &status) == 0 {
            let aside = data.root.appending("index.damaged-" + timestamp())
            try rename(data.index, to: aside)
            movedTo = aside.string
        }
        try rename(building, to: data.index)
        try SystemFileIO().syncDirectory(data.root)
        return movedTo
    }

    private static func rename(_ from: FilePath, to: FilePath) throws {
        guard Glibc.rename(from.string, to.string) == 0 else { throw LMDBError(code: errno, call: "rename \(from) to \(to)") }
    }

    /// 20261207T031502Z, with a counter when two repairs fall in one second.
    private static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: Date()) + "-\(getpid())"
    }

    /// An exclusive flock on the data directory's folder (which, unlike a lock file, cannot
    /// be deleted and made again under a running process). Nil-free: throws when `wait` is
    /// false and another process holds it.
    static func repairLock(_ data: DataDirectory, wait: Bool) throws -> Int32 {
        let descriptor = open(data.root.string, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LMDBError(code: errno, call: "open \(data.root)") }
        while flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            if errno == EINTR { continue }
            let code = errno
            close(descriptor)
            throw LMDBError(code: code, call: "flock \(data.root)")
        }
        return descriptor
    }
}
