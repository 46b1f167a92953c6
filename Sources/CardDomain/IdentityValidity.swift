/// The validity period of a resident ID (居民身份证法 第五条, DOMAIN.md B.7.1), counted
/// from the issue date, which the seeds call 证件有效期限开始日期: under 16 at issue 5 years,
/// 16 to 25 10 years, 26 to 45 20 years, 46 and over 长期.
public enum IdentityValidity: Equatable, Sendable {
    case until(CalendarDate)
    case longTerm

    /// The period for an ID issued on `start` to someone born on `birth`.
    public static func expected(start: CalendarDate, birth: CalendarDate) -> IdentityValidity {
        let years: Int
        switch age(on: start, birth: birth) {
        case ..<16: years = 5
        case 16...25: years = 10
        case 26...45: years = 20
        default: return .longTerm
        }
        // 29 February plus N years falls on 28 February in a common year.
        let day = min(start.day, CalendarDate.daysIn(month: start.month, year: start.year + years))
        return .until(CalendarDate(year: start.year + years, month: start.month, day: day)!)
    }

    /// Whole years of age on `date`.
    public static func age(on date: CalendarDate, birth: CalendarDate) -> Int {
        let hadBirthday = (date.month, date.day) >= (birth.month, birth.day)
        return date.year - birth.year - (hadBirthday ? 0 : 1)
    }

    public func isExpired(on today: CalendarDate) -> Bool {
        if case .until(let end) = self { return end < today }
        return false
    }

    /// "2035-06-01" or "长期"
    public var label: String {
        switch self {
        case .until(let end): return end.description
        case .longTerm: return "长期"
        }
    }

    /// Checks an entered 证件有效期限开始日期: a real date, not in the future, not before
    /// the holder's birth, and giving an ID that is still valid today.
    public static func checkStart(_ text: String, birth: CalendarDate, today: CalendarDate,
                                  field: String = "证件有效期限开始日期") -> Result<CalendarDate, FieldProblem> {
        guard let start = CalendarDate(text.trimmingSpaces) else {
            return .problem(field, "请按 年-月-日 填写有效日期，例如 2015-06-01")
        }
        guard start <= today else { return .problem(field, "不能晚于今天（\(today)）") }
        guard start >= birth else { return .problem(field, "不能早于出生日期（\(birth)）") }
        let validity = expected(start: start, birth: birth)
        guard !validity.isExpired(on: today) else {
            return .problem(field, "按此日期，证件已于 \(validity.label) 过期；请填写新换领证件的开始日期，或先换领身份证")
        }
        return .success(start)
    }
}
