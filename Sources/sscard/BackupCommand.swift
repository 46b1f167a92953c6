import ArgumentParser
import CardApp
import CardDomain
import CardStore
import Foundation
import SystemPackage

/// `sscard backup --to DEST` takes a consistent, verified, incremental copy while clerks
/// work; `sscard backup --verify DEST` checks a backup without restoring it.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the journal, CA and photos to a backup folder, or check one.",
        discussion: "Safe while clerks work: only acknowledged records are copied. A second backup into the same folder "
            + "copies only what is new. The folder is created 0700 with 0600 files; it holds personal data, so keep it "
            + "encrypted (see docs/OPERATIONS.md). Exit 0 when the backup is done and verified, 1 when it failed or "
            + "--verify found a problem.\n\nExample: sscard backup --to /mnt/backup/sscard --data-dir /srv/sscard")

    @Option(help: ArgumentHelp("The backup folder to write.", valueName: "DEST"))
    var to: String?

    @Option(help: ArgumentHelp("Check this backup folder without restoring it.", valueName: "DEST"))
    var verify: String?

    @OptionGroup var data: DataDirectoryOptions

    func validate() throws {
        guard (to == nil) != (verify == nil) else { throw ValidationError("give either --to DEST or --verify DEST") }
    }

    func run() throws {
        var standardError = StandardError()
        if let verify {
            let problems = BackupVerifier(folder: FilePath(verify)).problems()
            guard problems.isEmpty else {
                for problem in problems { print("sscard backup: \(problem)", to: &standardError) }
                throw ExitCode(1)
            }
            let manifest = try BackupVerifier(folder: FilePath(verify)).manifest()
            print("备份完好：到第 \(manifest.lastSequence) 条记录（\(Self.time(manifest.lastTimestamp))），"
                  + "\(manifest.segments.count) 个段，\(manifest.files.count) 个其他文件")
            return
        }
        if let url = data.journalURL {
            // A copy of the journal taken through SQL would be a second, weaker backup system
            // beside the server's own: point-in-time recovery needs its base backup and WAL.
            print("sscard backup: 日志在 PostgreSQL 上（\(url)）：请用数据库的备份——pg_basebackup 加 WAL 归档（docs/OPERATIONS.md「The journal on PostgreSQL」）。"
                  + "本站的索引由日志重建，无需备份；要一份可以带走的日志副本，用 sscard journal copy --from URL --to 文件夹。", to: &standardError)
            throw ExitCode(2)
        }
        _ = try data.existingJournal(command: "sscard backup")
        let started = Date()
        let bar = ProgressBar(total: 100, label: "备份")
        let backup = JournalBackup(data: data.data, destination: FilePath(to!), version: SSCard.version)
        let outcome: JournalBackup.Outcome
        do {
            outcome = try backup.run(now: SessionClock.nowMicroseconds()) { done, total in
                bar.update(total == 0 ? 100 : Int(done * 100 / max(total, 1)))
            }
        } catch {
            bar.finish()
            print("sscard backup: \(error)。上一次完成的备份（如有）仍然完好。", to: &standardError)
            throw ExitCode(1)
        }
        bar.finish()
        let seconds = Date().timeIntervalSince(started)
        print("备份完成：到第 \(outcome.manifest.lastSequence) 条记录（\(Self.time(outcome.manifest.lastTimestamp))）；"
              + "复制 \(outcome.segmentsCopied) 个段、保留 \(outcome.segmentsKept) 个段、\(outcome.filesCopied) 个其他文件，"
              + "共 \(DeploymentStatus.size(outcome.copiedBytes))，用时 \(String(format: "%.1f", seconds)) 秒；已校验")
    }

    static func time(_ microseconds: Int64?) -> String {
        microseconds.map { BeijingTime.dateTime(microseconds: $0) } ?? "无记录"
    }

}
