import CardStore

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
        if !serverAway, let user = session?.actor.username, unsavedDraftsRecordedFor != user { recordUnsavedDrafts(now: now) }
    }

    /// How long one catch-up with other processes may take before the screen is drawn again.
    static let refreshSlice: Duration = .milliseconds(40)

    /// Reads what other processes appended, a slice at a time: while an import appends
    /// thousands of records a second, a whole catch-up would chase the journal's end and
    /// freeze this screen. Pages read a consistent, slightly older journal; every decision
    /// still catches up whole, under the journal's lock.
    mutating func catchUp() {
        do {
            try environment.repository.refresh(within: Self.refreshSlice)
            serverAway = false
        } catch {
            if CardRepository.isServerAway(error) { serverAway = true }
        }
    }

    /// The key bar's note while the journal's server cannot be reached.
    static let serverAwayNote = "服务器连接中断，已填内容保留在本机"
    /// The top line's mark while the server is away.
    static let serverAwayMark = "[服务器连接中断]"

    /// What a failed write says: while the server is away, that nothing was recorded, that
    /// what was typed is kept, and that a second try once it is back records it only once.
    func writeFailure(_ title: String, _ what: String, _ error: any Error, kept: String) -> Overlay {
        if CardRepository.isServerAway(error) {
            return message(title, "与办卡服务器的连接中断，\(what)这次没有记录（\(error)）。\(kept)，请不要离开本页；"
                           + "待屏幕上方「\(Self.serverAwayMark)」的提示消失后再试一次，不会重复记录。", tone: .error)
        }
        return message(title, "\(what)无法写入：\(error)。\(kept)，请联系管理员后再试。", tone: .error)
    }
}
