/// Beijing's civil date and clock time for an instant (µs since 1970). Pure arithmetic, so
/// the core can word a lock's end ("请于 14:20 后再试") and the app can show the time with
/// the same rule. Beijing is UTC+8 all year (no daylight saving since 1991).
public enum BeijingTime {
    public static let offsetSeconds: Int64 = 8 * 3600

    /// The civil date (days-from-civil inverse, H. Hinnant).
    public static func date(microseconds: Int64) -> CalendarDate {
        let days = Int((microseconds / 1_000_000 + offsetSeconds).floorDivided(by: 86_400)) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return CalendarDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)!
    }

    /// "14:05".
    public static func clock(microseconds: Int64) -> String {
        let minutes = (microseconds / 1_000_000 + offsetSeconds).floorDivided(by: 60).floorModulo(1440)
        return Int(minutes / 60).zeroPadded(2) + ":" + Int(minutes % 60).zeroPadded(2)
    }

    /// "2026-11-21 14:05".
    public static func dateTime(microseconds: Int64) -> String {
        date(microseconds: microseconds).description + " " + clock(microseconds: microseconds)
    }
}

extension Int64 {
    public func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    func floorModulo(_ divisor: Int64) -> Int64 {
        self - floorDivided(by: divisor) * divisor
    }
}
