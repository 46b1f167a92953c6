import CardDomain
import Foundation

/// The world the pure core is not allowed to read: the time, Beijing's date, and the terminal.
public enum SessionClock {
    /// Beijing is UTC+8 all year (no daylight saving since 1991).
    public static let beijingOffsetSeconds: Int64 = 8 * 3600

    public static func nowMicroseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// The civil date in Beijing for `microseconds` since 1970 (days-from-civil inverse, H. Hinnant).
    public static func beijingDate(microseconds: Int64) -> CalendarDate {
        let days = Int((microseconds / 1_000_000 + beijingOffsetSeconds).floorDivided(by: 86_400)) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return CalendarDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)!
    }

    /// The controlling terminal's name (pts/3), or how the process was run when it has none.
    public static func terminalName() -> String {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            if let name = ttyname(descriptor) { return String(cString: name).replacingOccurrences(of: "/dev/", with: "") }
        }
        return "batch-\(getpid())"
    }

    public static func context(channel: Channel) -> CommandContext {
        let now = nowMicroseconds()
        return CommandContext(now: now, today: beijingDate(microseconds: now), terminal: terminalName(), channel: channel)
    }
}

extension Int64 {
    public func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

extension SessionClock {
    /// "14:05" in Beijing.
    public static func clockTime(microseconds: Int64) -> String {
        let minutes = (microseconds / 1_000_000 + beijingOffsetSeconds).floorDivided(by: 60) % 1440
        return Int(minutes / 60).zeroPadded(2) + ":" + Int(minutes % 60).zeroPadded(2)
    }

    /// "2026-11-21 14:05" in Beijing.
    public static func dateTime(microseconds: Int64) -> String {
        beijingDate(microseconds: microseconds).description + " " + clockTime(microseconds: microseconds)
    }
}
