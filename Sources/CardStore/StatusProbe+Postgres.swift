import PostgresJournal

extension StatusProbe {
    /// The journal's figures from its PostgreSQL server, and whether a commit there survives
    /// the primary's loss: without a synchronous standby in sync, the last acknowledged
    /// applications exist on one machine only, or (when the primary waits for one) no
    /// application can be saved at all.
    func postgresFigures(_ server: inout DeploymentStatus.ServerFigures?,
                         _ reasons: inout [(DeploymentStatus.Level, String)]) -> DeploymentStatus.JournalFigures {
        var figures = DeploymentStatus.JournalFigures(records: 0, bytes: 0, usedBytes: 0, segments: 0, lastRecordAt: nil, needsRecovery: false)
        do {
            guard let location = try data.postgresLocation() else { return figures }
            let journal = try PostgresJournal(location)
            defer { journal.close() }
            let state = try PostgresServerState.read(from: journal)
            figures.records = state.records
            figures.lastRecordAt = state.lastRecordAt
            figures.bytes = state.bytes
            figures.usedBytes = state.bytes
            server = DeploymentStatus.ServerFigures(journal: location.redacted, timeline: state.timeline,
                                                    synchronousStandbyNames: state.synchronousStandbyNames,
                                                    synchronousStandbys: state.synchronousStandbys,
                                                    processesByHost: state.processesByHost)
            if state.synchronousStandbyNames.isEmpty {
                reasons.append((.warning, "日志服务器的提交不等待同步备库（synchronous_standby_names 为空）：主库损坏时最近的办理可能丢失"))
            } else if state.synchronousStandbys == 0 {
                reasons.append((.critical, "日志服务器没有在同步的备库：新的办理会一直等待，无法保存。检查备库，见 docs/OPERATIONS.md"))
            }
        } catch {
            reasons.append((.critical, "无法读取 PostgreSQL 上的日志：\(error)"))
        }
        return figures
    }
}
