import Journal
import PostgresJournal
import SystemPackage

/// The layout of a data directory: the journal's segments, the read models' snapshots,
/// and the blob store for photos. Everything in it is private to its owner.
///
/// The journal is the segment journal in `journal/` unless the deployment names a
/// PostgreSQL journal (`journalURL`, see `JournalSetting`): then many sites share it, and
/// each keeps its own index, snapshots and photos' cache here.
public struct DataDirectory: Sendable {
    public let root: FilePath
    /// A postgresql:// URL (without a password) when the journal is on PostgreSQL.
    public let journalURL: String?

    public init(_ root: FilePath, journalURL: String? = nil) {
        self.root = root
        self.journalURL = journalURL
    }

    /// Opens the journal: the segment journal (its writer recovers a torn tail first), or
    /// the PostgreSQL journal, which must have been made by `sscard journal init-postgres`.
    public func openJournal(io: any FileIO = SystemFileIO()) throws -> any JournalStore {
        if let location = try postgresLocation() { return try PostgresJournal(location) }
        return try Journal(directory: journal, io: io)
    }

    /// A reader from record `sequence` on that never writes: the segment journal read under
    /// its readers' lock, or the PostgreSQL journal by position (the reader keeps its connection).
    public func reader(from sequence: UInt64 = 1, hint: JournalPlace? = nil, io: any FileIO = SystemFileIO()) throws -> any JournalTail {
        if let location = try postgresLocation() { return try PostgresJournal(location).tail(from: sequence, hint: nil) }
        return try JournalReader(directory: journal, from: sequence, io: io, hint: hint)
    }

    /// The PostgreSQL journal's location, with the site's file that remembers the timeline
    /// it last wrote on (`journal-timeline`), so an old primary is refused after a restart too.
    public func postgresLocation() throws -> PostgresLocation? {
        guard let journalURL else { return nil }
        var location = try PostgresLocation(journalURL)
        location.remembered = timelineRecord.string
        return location
    }

    static let timelineFileName = "journal-timeline"
    /// The highest PostgreSQL timeline this site has written on (see `postgresLocation`).
    public var timelineRecord: FilePath { root.appending(Self.timelineFileName) }

    /// Where the journal is, as a person reads it.
    public var journalName: String { journalURL ?? journal.string }

    /// The segment journal's folder (unused when the journal is on PostgreSQL).
    public var journal: FilePath { root.appending("journal") }
    public var snapshots: FilePath { root.appending("snapshots") }
    /// Accepted photos, by the SHA-256 of their bytes (D8).
    public var blobs: FilePath { root.appending("blobs") }
    /// The read models every process shares (LMDB), derived from the journal.
    public var index: FilePath { root.appending("index") }

    /// Creates the root and any missing parents, each with mode 0700, syncing each new
    /// folder's parent so the folder survives a crash.
    public func create(io: any FileIO = SystemFileIO()) throws {
        var missing: [FilePath] = []
        var folder = root
        while !folder.isEmpty, !io.exists(folder) {
            missing.append(folder)
            folder = folder.removingLastComponent()
        }
        for path in missing.reversed() {
            try io.makeDirectory(path)
            let parent = path.removingLastComponent()
            try io.syncDirectory(parent.isEmpty ? "." : parent)
        }
    }
}

extension DataDirectory {
    /// The first of the data directory, its journal, index and CA (and the files directly
    /// in them) that another user owns or can write, or that is a link: refused at start.
    public func safetyProblem() -> PathSafety.Refusal? {
        if let problem = PathSafety.problem(at: root, what: "数据目录") { return problem }
        for (folder, what) in [(journal, "日志文件夹"), (index, "索引文件夹"), (root.appending("ca"), "CA 文件夹")] {
            if let problem = PathSafety.problemInFolder(folder, what: what) { return problem }
        }
        return nil
    }
}
