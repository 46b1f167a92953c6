extension AppModel {
    /// How often an idle screen reads what other clerks' processes appended: at every tick
    /// of the full screen's loop (it wakes every 100 ms without a key; a little less here
    /// so that timer jitter never skips one), so what they record shows within about 0.1 s.
    static let refreshMicroseconds: Int64 = 90_000

    /// Reads new journal records into the state while no key is pressed. Cheap when nothing
    /// is new: one look at the journal's end under its shared lock.
    mutating func keepUpToDate(now: Int64) {
        guard now - lastRefresh >= Self.refreshMicroseconds else { return }
        lastRefresh = now
        let before = environment.repository.sequence
        try? environment.repository.refresh()
        if environment.repository.sequence != before { refreshQueueInPlace() }
    }
}
