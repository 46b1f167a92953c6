extension AppModel {
    /// How often an idle screen reads what other clerks' processes appended, so that
    /// what they record shows here within a fifth of a second (the loop ticks faster).
    static let refreshMicroseconds: Int64 = 150_000

    /// Reads new journal records into the state while no key is pressed. Cheap when nothing
    /// is new: one look at the journal's end under its shared lock.
    mutating func keepUpToDate(now: Int64) {
        guard now - lastRefresh >= Self.refreshMicroseconds else { return }
        lastRefresh = now
        try? environment.repository.refresh()
    }
}
