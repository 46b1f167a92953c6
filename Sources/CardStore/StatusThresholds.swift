/// When `sscard status` says WARNING or CRITICAL (Nagios exit 1 or 2), from the `status`
/// entry of Resources/Data/terminal.json.
public struct StatusThresholds: Codable, Equatable, Sendable {
    /// No backup for this long is a warning.
    public var backupWarningHours: Int
    public var diskWarningPercent: Int
    public var diskCriticalPercent: Int
    /// The index this many records behind the journal is a warning.
    public var indexBehindWarning: UInt64

    public init(backupWarningHours: Int = 24, diskWarningPercent: Int = 80, diskCriticalPercent: Int = 95,
                indexBehindWarning: UInt64 = 10_000) {
        self.backupWarningHours = backupWarningHours
        self.diskWarningPercent = diskWarningPercent
        self.diskCriticalPercent = diskCriticalPercent
        self.indexBehindWarning = indexBehindWarning
    }
}
