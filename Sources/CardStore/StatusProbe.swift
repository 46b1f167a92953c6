import CardDomain
import Foundation
import Journal
import SystemPackage

/// Gathers `DeploymentStatus` from the data directory, reading and never writing: the
/// journal's last segment (for its end), the index's position as it stands (before anyone
/// catches it up), the file system, the backup record, and /proc. The accounts and login
/// codes come from a state the caller read, when the journal could be opened.
public struct StatusProbe {
    let data: DataDirectory
    let thresholds: StatusThresholds

    public init(data: DataDirectory, thresholds: StatusThresholds) {
        self.data = data
        self.thresholds = thresholds
    }

    public func status(now: Int64, state: CardState?) -> DeploymentStatus {
        var reasons: [(DeploymentStatus.Level, String)] = []
        var server: DeploymentStatus.ServerFigures?
        let journal = data.journalURL == nil ? journalFigures(&reasons) : postgresFigures(&server, &reasons)
        let index = indexFigures(records: journal.records, &reasons)
        let disk = diskFigures(journal: journal, now: now, &reasons)
        let backup = (try? Data(contentsOf: URL(fileURLWithPath: data.root.appending(JournalBackup.recordFileName).string)))
            .flatMap { try? JSONDecoder().decode(JournalBackup.Record.self, from: $0) }
        let hours = Int64(thresholds.backupWarningHours)
        if data.journalURL != nil {
            // The journal's backups are the server's (pg_basebackup); the site's index is
            // rebuilt from the journal, so nothing here needs one.
        } else if let backup {
            if now - backup.at > hours * 3_600_000_000 {
                reasons.append((.warning, "最近一次备份在 \(BeijingTime.dateTime(microseconds: backup.at))，已超过 \(hours) 小时"))
            }
        } else {
            reasons.append((.warning, "还没有备份过：请运行 sscard backup --to 备份文件夹"))
        }
        let level = reasons.map(\.0).max() ?? .ok
        var status = DeploymentStatus(journal: journal, server: server, index: index, disk: disk, lastBackup: backup, lockedAccounts: [],
                                      disabledAccounts: [], pendingLoginCodes: 0, processes: server.map { ($0.processesByHost ?? [:]).values.reduce(0, +) } ?? processesWithJournalOpen(),
                                      level: level, reasons: reasons.map(\.1))
        if let state { status.count(in: state, now: now) }
        return status
    }

    private func journalFigures(_ reasons: inout [(DeploymentStatus.Level, String)]) -> DeploymentStatus.JournalFigures {
        let folder = data.journal
        let needsRecovery = FileManager.default.fileExists(atPath: folder.appending(RecoveryMarker.fileName).string)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.string)) ?? []).filter { $0.hasSuffix(".seg") }.sorted()
        let bytes = names.reduce(Int64(0)) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: folder.appending(name).string)[.size] as? Int64) ?? 0)
        }
        var figures = DeploymentStatus.JournalFigures(records: 0, bytes: bytes, usedBytes: bytes, segments: names.count,
                                                      lastRecordAt: nil, needsRecovery: needsRecovery)
        if needsRecovery {
            reasons.append((.critical, "日志有未能作废的失败写入（NEEDS-RECOVERY）：检查磁盘后运行 sscard journal recover"))
            return figures
        }
        // Only the last segment is read: every earlier one ends where the next begins.
        guard let last = names.last, let start = UInt64(last.dropLast(4)) else { return figures }
        do {
            let reader = try JournalReader(directory: folder, from: start)
            var lastLength = 0
            try reader.forEach { sequence, _, timestamp, payload in
                figures.records = sequence
                figures.lastRecordAt = timestamp
                lastLength = payload.count
            }
            if figures.records == 0 { figures.records = start - 1 }
            let lastSize = (try? FileManager.default.attributesOfItem(atPath: folder.appending(last).string)[.size] as? Int64) ?? 0
            let lastEnd = reader.lastPlace.map { $0.offset + Int64(RecordFrame.headerSize + lastLength) } ?? Int64(SegmentHeader.size)
            figures.usedBytes = bytes - lastSize + lastEnd
        } catch {
            reasons.append((.critical, "日志无法读取：\(error)。运行 sscard journal verify 查看"))
        }
        return figures
    }

    private func indexFigures(records: UInt64, _ reasons: inout [(DeploymentStatus.Level, String)]) -> DeploymentStatus.IndexFigures {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: data.index.appending("data.mdb").string)[.size] as? Int64) ?? 0
        var figures = DeploymentStatus.IndexFigures(position: nil, behind: nil, problem: nil, bytes: bytes)
        guard bytes > 0 else {
            figures.problem = "还没有索引（下次启动时从日志建立）"
            return figures
        }
        do {
            let index = try SharedIndex.shared(in: data)
            let position = index.position
            if let damage = index.damage {
                figures.problem = damage.reason
            } else {
                figures.position = position
                figures.behind = records > position ? records - position : 0
            }
        } catch {
            figures.problem = "\(error)"
        }
        if let problem = figures.problem, bytes > 0 {
            reasons.append((.critical, "本机索引损坏（\(problem)）：运行 sscard index rebuild，或启动 sscard 自动修复"))
        } else if let behind = figures.behind, behind > thresholds.indexBehindWarning {
            reasons.append((.warning, "本机索引落后日志 \(behind) 条记录（磁盘已满？）"))
        }
        return figures
    }

    private func diskFigures(journal: DeploymentStatus.JournalFigures, now: Int64,
                             _ reasons: inout [(DeploymentStatus.Level, String)]) -> DeploymentStatus.DiskFigures {
        var system = statvfs()
        guard statvfs(data.root.string, &system) == 0 else {
            return DeploymentStatus.DiskFigures(freeBytes: 0, totalBytes: 0, usedPercent: 0, daysLeft: nil)
        }
        let block = Int64(system.f_frsize)
        let total = Int64(system.f_blocks) * block
        let free = Int64(system.f_bavail) * block
        let used = total > 0 ? Int((total - free) * 100 / total) : 0
        if used >= thresholds.diskCriticalPercent {
            reasons.append((.critical, "磁盘已用 \(used)%（超过 \(thresholds.diskCriticalPercent)%）：新的办理可能无法记录"))
        } else if used >= thresholds.diskWarningPercent {
            reasons.append((.warning, "磁盘已用 \(used)%（超过 \(thresholds.diskWarningPercent)%）"))
        }
        return DeploymentStatus.DiskFigures(freeBytes: free, totalBytes: total, usedPercent: used,
                                            daysLeft: daysLeft(free: free, journal: journal, now: now))
    }

    /// Free space over the last week's growth: records a day (from the first record of the
    /// earliest segment begun within the week) times the journal's bytes a record.
    private func daysLeft(free: Int64, journal: DeploymentStatus.JournalFigures, now: Int64) -> Int? {
        guard journal.records > 0 else { return nil }
        let folder = data.journal
        let weekAgo = now - 7 * 86_400_000_000
        let starts = ((try? FileManager.default.contentsOfDirectory(atPath: folder.string)) ?? [])
            .filter { $0.hasSuffix(".seg") }.compactMap { UInt64($0.dropLast(4)) }.sorted()
        var from: (sequence: UInt64, at: Int64)?
        for start in starts.reversed() {
            guard let record = try? JournalReader(directory: folder, from: start).next() else { continue }
            from = (record.sequence, record.timestamp)
            if record.timestamp < weekAgo { break }
        }
        guard let from, journal.records > from.sequence else { return nil }
        let days = Double(now - max(from.at, weekAgo)) / 86_400_000_000
        guard days > 0.01 else { return nil }
        let perDay = Double(journal.records - from.sequence) / days
        let perRecord = Double(journal.usedBytes) / Double(journal.records)
        guard perDay * perRecord > 0 else { return nil }
        return Int(Double(free) / (perDay * perRecord))
    }

    /// Processes other than this one holding the journal's LOCK file open.
    private func processesWithJournalOpen() -> Int { JournalHolders.processes(holding: data.journal).count }
}
