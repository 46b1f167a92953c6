import SystemPackage

/// How a reader keeps writers out while it decides where the acknowledged records end:
/// a shared flock on the journal's LOCK file. A reader made by a `Journal` goes through
/// that journal, which may already hold the exclusive lock; a reader on its own opens
/// the LOCK file itself.
public enum ReaderLock {
    /// Its own description of the LOCK file, opened when first needed.
    case own
    /// The lock of the journal object that made the reader.
    case journal(Journal)

    /// Runs `body` while no writer is between its write and its sync (or void).
    func withShared<T>(directory: FilePath, io: any FileIO, ownFile: inout FileDescriptor?,
                       _ body: () throws -> T) throws -> T {
        if case .journal(let journal) = self, let result = try journal.withSharedLock(body) {
            return result
        }
        let lockPath = directory.appending(Journal.lockFileName)
        if ownFile == nil {
            // No LOCK file means no writer ever opened the journal: there is nothing to wait for.
            guard io.exists(lockPath) else { return try body() }
            ownFile = try performing("open", on: lockPath) { try io.openFile(lockPath, create: false, writable: false) }
        }
        try performing("lock", on: lockPath) { try io.lockShared(ownFile!) }
        defer { try? io.unlock(ownFile!) }
        return try body()
    }
}
