import CardStore

extension AppModel {
    /// 系统状态: the figures as the disk has them now, with this session's state for accounts and codes.
    mutating func showStatus(now: Int64) {
        catchUp()
        let probe = StatusProbe(data: environment.repository.data, thresholds: environment.policy.status)
        page = .systemStatus(StatusScreen(status: probe.status(now: now, state: environment.repository.state)))
    }
}
