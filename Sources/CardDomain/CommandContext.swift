/// What a command needs from the world, injected so that the core stays pure.
public struct CommandContext: Sendable {
    /// Microseconds since 1970 (UTC).
    public var now: Int64
    /// Today in Beijing, for validity and age rules.
    public var today: CalendarDate
    public var terminal: String
    public var channel: Channel

    public init(now: Int64, today: CalendarDate, terminal: String, channel: Channel) {
        self.now = now
        self.today = today
        self.terminal = terminal
        self.channel = channel
    }
}
