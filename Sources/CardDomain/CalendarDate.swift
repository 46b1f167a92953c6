/// A day in the Gregorian calendar, without time or zone. Pure: "today" is always passed
/// in by the caller, never read from a clock here.
public struct CalendarDate: Equatable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the date exists (19900230 does not; 20000229 does, 19000229 does not).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses eight digits YYYYMMDD, or YYYY-MM-DD.
    /// Read from the bytes: any other character (a full-width digit, a combining mark) is
    /// a byte that is neither a digit nor the hyphen, so it is refused.
    public init?(_ text: some StringProtocol) {
        let bytes = text.utf8
        let hyphenated = bytes.count == 10
        guard bytes.count == 8 || hyphenated else { return nil }
        var value = 0
        for (index, byte) in bytes.enumerated() {
            if hyphenated, index == 4 || index == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        self.init(year: value / 10000, month: value / 100 % 100, day: value % 100)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// "2026-11-21"
    public var description: String {
        "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))"
    }
}
