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
        catchUp()
        if environment.repository.sequence != before { refreshQueueInPlace() }
    }

    /// How long one catch-up with other processes may take before the screen is drawn again.
    static let refreshSlice: Duration = .milliseconds(40)

    /// Reads what other processes appended, a slice at a time: while an import appends
    /// thousands of records a second, a whole catch-up would chase the journal's end and
    /// freeze this screen. Pages read a consistent, slightly older journal; every decision
    /// still catches up whole, under the journal's lock.
    func catchUp() {
        try? environment.repository.refresh(within: Self.refreshSlice)
    }
}
