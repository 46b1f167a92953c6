import ArgumentParser
import CardApp
import CardStore
import Foundation
import SystemPackage

/// `sscard restore --from DEST --data-dir NEW`: a verified backup into an empty data
/// directory, every record checked, then the index rebuilt with a progress bar.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into a new, empty data directory.",
        discussion: "Checks the backup's manifest and every file first; a damaged backup is refused by name and "
            + "nothing is written. Then copies, verifies every record, rebuilds the index, and says up to which record "
            + "and time the deployment stands.\n\nExample: sscard restore --from /mnt/backup/sscard --data-dir /srv/sscard-restored")

    @Option(help: ArgumentHelp("The backup folder.", valueName: "DEST"))
    var from: String

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        var standardError = StandardError()
        let bar = ProgressBar(total: 100, label: "恢复日志")
        let manifest: BackupManifest
        do {
            manifest = try JournalRestore(backup: FilePath(from), into: data.data).run { done, total in
                bar.update(Int(done * 100 / max(total, 1)))
            }
        } catch {
            bar.finish()
            print("sscard restore: \(error)", to: &standardError)
            throw ExitCode(1)
        }
        bar.finish()
        // Opening builds the index from the journal, with its own progress bar.
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        print("已恢复到 \(data.resolved().string)：到第 \(manifest.lastSequence) 条记录（\(BackupCommand.time(manifest.lastTimestamp))），"
              + "日志和索引都已校验。用 sscard --data-dir \(data.resolved().string) 启动。")
    }
}
