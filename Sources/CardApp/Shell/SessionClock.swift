import CardDomain
import Foundation

/// The world the pure core is not allowed to read: the time and the terminal. Dates and
/// clock times in Beijing are `BeijingTime`'s pure arithmetic.
public enum SessionClock {
    public static func nowMicroseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// The controlling terminal's name (pts/3), or how the process was run when it has none.
    public static func terminalName() -> String {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            if let name = ttyname(descriptor) { return String(cString: name).replacingOccurrences(of: "/dev/", with: "") }
        }
        return "batch-\(getpid())"
    }

    /// The context a command runs in at `now`, from `terminal`, through `channel`.
    public static func context(now: Int64, terminal: String, channel: Channel) -> CommandContext {
        CommandContext(now: now, today: BeijingTime.date(microseconds: now), terminal: terminal, channel: channel)
    }

    /// The context for a command run from the shell, now.
    public static func context(channel: Channel) -> CommandContext {
        context(now: nowMicroseconds(), terminal: terminalName(), channel: channel)
    }
}
