import CardDomain

extension DeploymentStatus {
    /// The status in words, a line a figure: what `sscard status` prints and 系统状态 shows.
    public var lines: [String] {
        func time(_ at: Int64?) -> String { at.map { BeijingTime.dateTime(microseconds: $0) } ?? "无" }
        func names(_ names: [String]) -> String {
            names.isEmpty ? "" : "（" + names.prefix(5).joined(separator: "、") + (names.count > 5 ? "…" : "") + "）"
        }
        var lines = ["状态：\(level.word)"]
        lines += reasons.map { "  - \($0)" }
        if let server {
            lines.append("日志：PostgreSQL，\(journal.records) 条记录，\(Self.size(journal.bytes))，最后一条 \(time(journal.lastRecordAt))")
            lines.append("日志服务器：\(server.journal)，时间线 \(server.timeline)，同步备库 "
                         + (server.synchronousStandbys.map { "\($0) 个在同步" } ?? "未知（给本站的角色授予 pg_monitor）")
                         + "（synchronous_standby_names = '\(server.synchronousStandbyNames)'）")
        } else {
            lines.append("日志：\(journal.records) 条记录，\(journal.segments) 个段，\(Self.size(journal.bytes))，最后一条 \(time(journal.lastRecordAt))"
                         + (journal.needsRecovery ? "，需要恢复（NEEDS-RECOVERY）" : ""))
        }
        lines.append("索引：" + (index.problem.map { "不可用（\($0)）" }
                                 ?? "到第 \(index.position ?? 0) 条，落后 \(index.behind ?? 0) 条，头部校验通过") + "，\(Self.size(index.bytes))")
        lines.append("磁盘：可用 \(Self.size(disk.freeBytes))，已用 \(disk.usedPercent)%"
                     + (disk.daysLeft.map { "，按最近一周的速度约可用 \($0) 天" } ?? ""))
        lines.append(server != nil ? "备份：日志在 PostgreSQL 上，由数据库备份（pg_basebackup 与 WAL 归档，见 docs/OPERATIONS.md）" : "备份：" + (lastBackup.map { "最近一次 \(time($0.at))，到第 \($0.lastSequence) 条，位于 \($0.destination)" } ?? "从未备份"))
        lines.append("账号：已锁定 \(lockedAccounts.count)" + names(lockedAccounts) + "，已停用 \(disabledAccounts.count)" + names(disabledAccounts))
        lines.append("待确认的登录码：\(pendingLoginCodes)")
        let hosts = (server?.processesByHost ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value) 个" }
        lines.append("正在运行的其他 sscard 进程：\(processes)" + (hosts.isEmpty ? "" : "（" + hosts.joined(separator: "，") + "）"))
        return lines
    }

    /// Bytes as a person reads them: KB below a megabyte, else MB or GB with one decimal.
    public static func size(_ bytes: Int64) -> String {
        if bytes < 1 << 20 { return "\(bytes / 1024) KB" }
        if bytes < 1 << 30 { return "\((Double(bytes) / Double(1 << 20) * 10).rounded() / 10) MB" }
        return "\((Double(bytes) / Double(1 << 30) * 10).rounded() / 10) GB"
    }
}
