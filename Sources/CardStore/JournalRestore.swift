import Foundation
import Journal
import SystemPackage

/// `sscard restore --from DEST --data-dir NEW`: the backup is checked whole first (a damaged
/// one is refused by name and nothing is written), then copied into an empty NEW, then
/// every record of the copy is verified and must end exactly where the manifest says. The
/// index is not restored: opening NEW rebuilds it from the journal.
public struct JournalRestore {
    let backup: FilePath
    let data: DataDirectory
    let io: any FileIO

    public init(backup: FilePath, into data: DataDirectory, io: any FileIO = SystemFileIO()) {
        self.backup = backup
        self.data = data
        self.io = io
    }

    /// The manifest the data directory now stands at.
    public func run(progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }) throws -> BackupManifest {
        if io.exists(data.root) {
            let entries = try io.listDirectory(data.root)
            guard entries.isEmpty else {
                throw BackupProblem("\(data.root.string) 不是空文件夹：恢复只写入新的空数据目录，不会覆盖已有数据")
            }
        }
        let verifier = BackupVerifier(folder: backup, io: io)
        let problems = verifier.problems()
        guard problems.isEmpty else {
            throw BackupProblem("备份 \(backup.string) 已损坏，没有恢复任何内容：\n  " + problems.joined(separator: "\n  "))
        }
        let manifest = try verifier.manifest()
        let files = BackupFiles(io: io)
        do {
            try files.makeFolders(data.journal)
            let total = manifest.segments.reduce(Int64(0)) { $0 + $1.extent.length }
            var done: Int64 = 0
            for segment in manifest.segments {
                let name = segment.extent.name
                try files.copy(backup.appending("journal/" + name), 0..<segment.extent.length, to: data.journal.appending(name))
                done += segment.extent.length
                progress(done, total)
            }
            try io.syncDirectory(data.journal)
            for file in manifest.files {
                let target = data.root.appending(file.path)
                try files.makeFolders(target.removingLastComponent())
                try files.copy(backup.appending(file.path), 0..<file.size, to: target)
                try io.syncDirectory(target.removingLastComponent())
            }
            let report = JournalVerifier(directory: data.journal, io: io).verify()
            if let corruption = report.corruption { throw BackupProblem("恢复后的日志校验失败：\(corruption)") }
            guard report.lastSequence == manifest.lastSequence else {
                throw BackupProblem("恢复后的日志到第 \(report.lastSequence) 条记录，清单写的是第 \(manifest.lastSequence) 条")
            }
        } catch {
            // Half a restore is no deployment: what was written is removed, and NEW is empty again.
            try? FileManager.default.contentsOfDirectory(atPath: data.root.string).forEach {
                try? FileManager.default.removeItem(atPath: data.root.string + "/" + $0)
            }
            throw error
        }
        return manifest
    }
}
