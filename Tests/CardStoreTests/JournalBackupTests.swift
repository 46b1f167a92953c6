import CardStore
import Foundation
import Journal
import JournalTestSupport
import SystemPackage
import Testing

/// Backups and restores of a journal of many segments (issue 30): incremental, verified,
/// byte-identical up to the manifest, and every damaged backup refused by name with
/// nothing written.
@Suite struct JournalBackupTests {
    let root: String
    let data: DataDirectory
    let destination: FilePath

    init() throws {
        root = try TemporaryFolder.make("sscard-backup")
        data = DataDirectory(FilePath(root + "/data"))
        destination = FilePath(root + "/backup")
        try data.create()
        try FileManager.default.createDirectory(atPath: root + "/data/ca", withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try Data("-----BEGIN CERTIFICATE-----\n".utf8).write(to: URL(fileURLWithPath: root + "/data/ca/authority.pem"))
    }

    /// Appends `count` records in batches of three, into segments of 4 KiB so a few hundred records span many.
    func append(_ count: Int, from first: Int = 0, io: any FileIO = SystemFileIO()) throws {
        let journal = try Journal(directory: data.journal, options: JournalOptions(segmentCapacity: 4096), io: io)
        defer { journal.close() }
        for start in stride(from: first, to: first + count, by: 3) {
            let entries = (start..<min(first + count, start + 3)).map {
                JournalEntry(type: 1, payload: Array("{\"record\":\($0),\"text\":\"\(String(repeating: "x", count: $0 % 50))\"}".utf8))
            }
            _ = try journal.append(entries)
        }
    }

    func records(in journal: FilePath) throws -> [[UInt8]] {
        var all: [[UInt8]] = []
        try JournalReader(directory: journal).forEach { _, _, _, payload in all.append(Array(payload)) }
        return all
    }

    func backup() throws -> JournalBackup.Outcome {
        try JournalBackup(data: data, destination: destination, version: "test").run(now: 1_795_241_100_000_000)
    }

    @Test func aSecondBackupCopiesOnlyWhatIsNewAndARestoreIsByteIdentical() throws {
        try append(300)
        let first = try backup()
        #expect(first.manifest.lastSequence == 300 && first.segmentsKept == 0 && first.segmentsCopied > 5)
        #expect(first.manifest.lastCRC != nil && first.manifest.files.map(\.path) == ["ca/authority.pem"])
        try append(30, from: 300)
        let second = try backup()
        #expect(second.manifest.lastSequence == 330)
        #expect(second.segmentsKept == first.segmentsCopied - 1, "only the last segment and new ones are copied again")
        #expect(second.copiedBytes < first.copiedBytes / 4 && second.filesCopied == 0)
        #expect(BackupVerifier(folder: destination).problems().isEmpty)
        var status = stat()
        stat(destination.string, &status)
        #expect(status.st_mode & 0o777 == 0o700)
        let restored = DataDirectory(FilePath(root + "/restored"))
        let manifest = try JournalRestore(backup: destination, into: restored).run()
        #expect(manifest.lastSequence == 330)
        #expect(try records(in: restored.journal) == records(in: data.journal))
        #expect(FileManager.default.fileExists(atPath: root + "/restored/ca/authority.pem"))
        // The restored journal takes new records at its end.
        let journal = try Journal(directory: restored.journal)
        #expect(try journal.append(type: 1, payload: Array("{}".utf8)) == 331)
        journal.close()
        #expect(JournalVerifier(directory: restored.journal).verify().lastSequence == 331)
    }

    @Test func aRecordWhoseSyncFailedIsNeverInABackup() throws {
        try append(10)
        let io = FaultyFileIO()
        io.inject(.syncData, .fail(.ioError))
        #expect(throws: (any Error).self) { try append(3, from: 10, io: io) }
        #expect(try backup().manifest.lastSequence == 10)
        try append(3, from: 10)
        let restored = DataDirectory(FilePath(root + "/restored"))
        _ = try backup()
        #expect(try JournalRestore(backup: destination, into: restored).run().lastSequence == 13)
        #expect(try records(in: restored.journal) == records(in: data.journal))
    }

    /// A damaged backup: truncated, a byte changed, a segment missing, the manifest gone.
    @Test(arguments: ["truncated", "changed", "missing", "manifest"])
    func aDamagedBackupIsNamedAndNothingIsRestored(damage: String) throws {
        try append(120)
        let manifest = try backup().manifest
        let segment = destination.appending("journal/" + manifest.segments[2].extent.name).string
        switch damage {
        case "truncated":
            try FileManager.default.createFile(atPath: segment, contents: Data(try Data(contentsOf: URL(fileURLWithPath: segment)).prefix(100)))
        case "changed":
            var bytes = try Data(contentsOf: URL(fileURLWithPath: segment))
            bytes[200] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: segment))
        case "missing":
            try FileManager.default.removeItem(atPath: segment)
        default:
            try FileManager.default.removeItem(atPath: destination.appending(BackupManifest.fileName).string)
        }
        let problems = BackupVerifier(folder: destination).problems()
        let named = damage == "manifest" ? BackupManifest.fileName : manifest.segments[2].extent.name
        #expect(problems.contains { $0.contains(named) }, "\(problems)")
        let restored = DataDirectory(FilePath(root + "/restored"))
        #expect(throws: BackupProblem.self) { try JournalRestore(backup: destination, into: restored).run() }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: restored.root.string))?.isEmpty ?? true, "a refused restore wrote something")
    }

    @Test func aRestoreIntoAFolderThatHoldsAnythingIsRefused() throws {
        try append(5)
        _ = try backup()
        #expect(throws: BackupProblem.self) { try JournalRestore(backup: destination, into: data).run() }
        #expect(throws: BackupProblem.self) { try JournalBackup(data: data, destination: data.root, version: "t").run(now: 0) }
    }
}
