import Foundation
import Journal
import SystemPackage

/// `sscard backup --to DEST`: a consistent copy of the journal while clerks keep working.
/// Each segment is copied up to its acknowledged end (the last one's found under the
/// readers' shared lock), complete segments a previous backup took are kept, a grown one
/// gets only its new bytes; the CA, trusted CAs and photos come too. Everything is synced,
/// the files written are read back against their digests, and only then is the manifest
/// renamed into place: an interrupted backup leaves the previous one whole.
public struct JournalBackup {
    public struct Outcome: Equatable, Sendable {
        public var manifest: BackupManifest
        public var copiedBytes: Int64
        public var segmentsCopied: Int
        public var segmentsKept: Int
        public var filesCopied: Int
    }

    /// The small record a backup leaves in the data directory, for `sscard status`.
    public struct Record: Codable, Equatable, Sendable {
        public var at: Int64
        public var lastSequence: UInt64
        public var destination: String
    }

    public static let recordFileName = "last-backup.json"
    /// What besides the journal a restore needs: the CA and trusted CAs, and the photos.
    static let folders = ["ca", "blobs"]

    let data: DataDirectory
    let destination: FilePath
    let version: String
    let io: any FileIO

    public init(data: DataDirectory, destination: FilePath, version: String, io: any FileIO = SystemFileIO()) {
        self.data = data
        self.destination = destination
        self.version = version
        self.io = io
    }

    public func run(now: Int64, progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }) throws -> Outcome {
        try checkDestination()
        let files = BackupFiles(io: io)
        try files.makeFolders(destination.appending("journal"))
        // One backup into a folder at a time.
        let lockPath = destination.appending(".lock")
        let lock = try io.openFile(lockPath, create: true, writable: true)
        defer { io.close(lock) }
        try io.lock(lock)
        let previous = io.isRegularFile(destination.appending(BackupManifest.fileName))
            ? try BackupVerifier(folder: destination, io: io).manifest() : nil
        let known = Dictionary((previous?.segments ?? []).map { ($0.extent.firstSequence, $0.extent) }, uniquingKeysWith: { $1 })
        let extents = try JournalExtents.find(directory: data.journal, known: known, io: io)
        let total = extents.reduce(Int64(0)) { $0 + $1.length }
        var outcome = Outcome(manifest: BackupManifest(sscardVersion: version, createdAt: now, lastSequence: 0, segments: [], files: []),
                              copiedBytes: 0, segmentsCopied: 0, segmentsKept: 0, filesCopied: 0)
        var written: Set<String> = []
        var done: Int64 = 0
        for extent in extents {
            let relative = "journal/" + extent.name
            let target = destination.appending(relative)
            let before = previous?.segments.first { $0.extent.name == extent.name }
            let onDisk = io.isRegularFile(target) ? (try? size(of: target)) ?? 0 : 0
            // Kept only when it is the very same extent: its length, last record, time and CRC.
            if let before, before.extent == extent, onDisk >= extent.length {
                outcome.manifest.segments.append(before)
                outcome.segmentsKept += 1
            } else {
                // Bytes already copied never change: the journal only appends. A grown
                // segment gets its new bytes; anything else is copied whole.
                let from = before.map { onDisk >= $0.extent.length ? $0.extent.length : 0 } ?? 0
                try files.copy(data.journal.appending(extent.name), from..<extent.length, to: target)
                outcome.copiedBytes += extent.length - from
                outcome.segmentsCopied += 1
                outcome.manifest.segments.append(.init(extent: extent, sha256: try files.digest(target, length: extent.length).sha256))
                written.insert(relative)
            }
            done += extent.length
            progress(done, total)
        }
        try io.syncDirectory(destination.appending("journal"))
        for folder in Self.folders {
            for relative in try files.regularFiles(under: data.root.appending(folder)) {
                let path = folder + "/" + relative
                let source = try files.digest(data.root.appending(path))
                let before = previous?.files.first { $0.path == path }
                let target = destination.appending(path)
                if before?.sha256 != source.sha256 || !io.isRegularFile(target) {
                    try files.makeFolders(target.removingLastComponent())
                    let temporary = FilePath(target.string + ".tmp")
                    try? io.remove(temporary)
                    try files.copy(data.root.appending(path), 0..<source.size, to: temporary)
                    try io.rename(temporary, to: target)
                    try io.syncDirectory(target.removingLastComponent())
                    outcome.filesCopied += 1
                    outcome.copiedBytes += source.size
                    written.insert(path)
                }
                outcome.manifest.files.append(.init(path: path, size: source.size, sha256: source.sha256))
            }
        }
        let last = extents.last { $0.lastSequence >= $0.firstSequence }
        outcome.manifest.lastSequence = extents.last?.lastSequence ?? 0
        outcome.manifest.lastTimestamp = last?.lastTimestamp
        outcome.manifest.lastCRC = last?.lastCRC.map { String(format: "%08x", $0) }
        // What was written this time is read back before the manifest names it.
        let problems = BackupVerifier(folder: destination, io: io).problems(against: outcome.manifest, digesting: written)
        guard problems.isEmpty else { throw BackupProblem("备份校验失败：" + problems.joined(separator: "；")) }
        try io.writeAtomically(try outcome.manifest.encoded(), to: destination.appending(BackupManifest.fileName))
        let record = Record(at: now, lastSequence: outcome.manifest.lastSequence, destination: destination.string)
        try io.writeAtomically(Array(try JSONEncoder().encode(record)), to: data.root.appending(Self.recordFileName))
        return outcome
    }

    private func size(of path: FilePath) throws -> Int64 {
        let file = try io.openFile(path, create: false, writable: false)
        defer { io.close(file) }
        return try io.size(file)
    }

    /// A destination is a folder of ours that nobody else can read (it holds personal data),
    /// empty or a backup already; never the data directory itself.
    private func checkDestination() throws {
        let resolved = URL(fileURLWithPath: destination.string).standardizedFileURL.path
        let root = URL(fileURLWithPath: data.root.string).standardizedFileURL.path
        guard resolved != root, !resolved.hasPrefix(root + "/journal") else {
            throw BackupProblem("备份目标 \(destination.string) 在数据目录中：请备份到另一块磁盘上的文件夹")
        }
        guard io.exists(destination) else { return }
        if let refusal = PathSafety.problem(at: destination, what: "备份文件夹") { throw BackupProblem(refusal.description) }
        var status = stat()
        if stat(destination.string, &status) == 0, status.st_mode & 0o077 != 0 {
            throw BackupProblem("备份文件夹 \(destination.string) 其他用户可以访问，而备份中有个人信息。请运行：chmod 700 \(destination.string)")
        }
        let entries = try io.listDirectory(destination).filter { $0 != ".lock" }
        if !entries.isEmpty, !entries.contains(BackupManifest.fileName), !(entries == ["journal"]) {
            throw BackupProblem("备份文件夹 \(destination.string) 不是空的，也不是 sscard 备份：请换一个空文件夹")
        }
    }
}
