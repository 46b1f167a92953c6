import SystemPackage

/// The append-only journal: the only copy of every application a clerk takes.
///
/// Appends are durable when they return (fdatasync). Several processes may append to one
/// journal at once: each append holds an exclusive lock on the journal's LOCK file, first
/// catches up with what the others wrote, then writes at the true tail, so sequence
/// numbers stay gap-free. Opening for writing recovers: a torn tail is cut (and saved
/// beside its segment), corruption is refused. After any failed write or sync the
/// journal refuses appends until it is reopened, so a half-written record is never
/// hidden behind a later one.
public final class Journal {
    static let lockFileName = "LOCK"

    public let directory: FilePath
    let io: any FileIO
    let options: JournalOptions
    let segments: SegmentDirectory

    var lockFile: FileDescriptor?
    var tail: SegmentTail?
    /// The sequence number the next append will get (as of the last look at the tail).
    public internal(set) var nextSequence: UInt64 = 1
    /// Torn tails this journal cut, when it opened or when it found another process's.
    public internal(set) var cuts: [TailCut] = []
    /// Where recovery found (or left, after a cut) only zeros to the end of a segment.
    var zerosFrom: (segment: UInt64, offset: Int64)?
    var failure: String?
    /// True while this object holds the exclusive lock (inside an append or recovery).
    var holdsLock = false
    /// Ranges written since the last successful sync: what a failure must void.
    var unsynced: [RecoveryMarker.Range] = []
    /// Reused for encoding frames, so an append allocates no buffer of its own.
    var encodeBuffer: [UInt8] = []

    public var lastSequence: UInt64 { nextSequence - 1 }
    /// The timestamp of the last record this object wrote (valid once an append returned).
    public internal(set) var lastWrittenTimestamp: Int64 = 0

    /// Opens (creating if needed) the journal in `directory` and recovers it.
    public init(directory: FilePath, options: JournalOptions = JournalOptions(), io: any FileIO = SystemFileIO()) throws {
        self.directory = directory
        self.io = io
        self.options = options
        self.segments = SegmentDirectory(io: io, path: directory)
        try performing("mkdir", on: directory) { try io.makeDirectory(directory) }
        let lockPath = directory.appending(Self.lockFileName)
        let lock = try performing("open", on: lockPath) { try io.openFile(lockPath, create: true, writable: true) }
        lockFile = lock
        do {
            try withLock {
                try RecoveryMarker.refuseIfPresent(in: directory, io: io)
                try recover()
            }
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    public func close() {
        if let tail { io.close(tail.file) }
        tail = nil
        if let lockFile { io.close(lockFile) }
        lockFile = nil
    }

    /// Appends one record and returns its sequence number once it is on disk.
    @discardableResult
    public func append(type: UInt16, payload: [UInt8]) throws -> UInt64 {
        try append([JournalEntry(type: type, payload: payload)]).lowerBound
    }

    /// Appends many records with a single sync, returning their sequence numbers.
    @discardableResult
    public func append(_ entries: [JournalEntry]) throws -> ClosedRange<UInt64> {
        precondition(!entries.isEmpty, "append needs at least one entry")
        return try append(deciding: { _ in entries })!
    }

    /// Appends what `decide` returns, deciding under the lock once caught up with every
    /// other writer: it is told the true last sequence number, and no one can append until
    /// this append is done. So a command decided on the state as of that number cannot race
    /// another process's. Returns nil when `decide` returns nothing to append. An error
    /// thrown by `decide` is passed on and does not poison the journal.
    public func append(deciding decide: (_ lastSequence: UInt64) throws -> [JournalEntry]) throws -> ClosedRange<UInt64>? {
        guard lockFile != nil else { throw JournalError.closed }
        if let failure { throw JournalError.poisoned(cause: failure) }
        return try withLock {
            try poisoningOnFailure { try catchUp() }
            let entries = try decide(lastSequence)
            if entries.isEmpty { return nil }
            for entry in entries {
                guard entry.type != 0, entry.type != SegmentCursor.sealType else { throw JournalError.invalidRecordType }
                guard entry.payload.count <= RecordFrame.maxPayload else {
                    throw JournalError.recordTooLarge(bytes: entry.payload.count, limit: RecordFrame.maxPayload)
                }
            }
            do {
                return try poisoningOnFailure { try write(entries) }
            } catch {
                voidUnsynced(cause: "\(error)")
                throw error
            }
        }
    }

    /// Whatever reached the file may be half a record: after a failure, refuse until reopened.
    private func poisoningOnFailure<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            failure = "\(error)"
            throw error
        }
    }

    /// Reads records from `sequence` on, including those other processes append later.
    /// It shares this journal's lock, so it can be used inside `append(deciding:)`.
    public func reader(from sequence: UInt64 = 1) throws -> JournalReader {
        try JournalReader(directory: directory, from: sequence, io: io, lock: .journal(self), hint: lastPlace)
    }

    /// A record this writer walked or wrote past in the last segment (recovery walks to the
    /// end), as a hint for readers that start near the end (see `JournalPlace`).
    public var lastPlace: JournalPlace? {
        guard var place = tail?.cursor.lastFrame else { return nil }
        if let zerosFrom, zerosFrom.segment == place.segment { place.zerosFrom = zerosFrom.offset }
        return place
    }

    func withLock<T>(_ body: () throws -> T) throws -> T {
        guard let lockFile else { throw JournalError.closed }
        let lockPath = directory.appending(Self.lockFileName)
        try performing("lock", on: lockPath) { try io.lock(lockFile) }
        holdsLock = true
        defer {
            holdsLock = false
            try? io.unlock(lockFile)
        }
        return try body()
    }

    /// Runs `body` with no writer between its write and its sync: under this object's
    /// exclusive lock when it holds it (flock would deadlock on a second description of
    /// the same file), else under a shared lock on its lock file. Nil when closed.
    func withSharedLock<T>(_ body: () throws -> T) throws -> T? {
        if holdsLock { return try body() }
        guard let lockFile else { return nil }
        let lockPath = directory.appending(Self.lockFileName)
        try performing("lock", on: lockPath) { try io.lockShared(lockFile) }
        defer { try? io.unlock(lockFile) }
        return try body()
    }
}
