/// A mainland mobile number (卡预留手机号, 联系电话): 11 digits starting 13 to 19. The loose
/// rule on purpose, since operators open new segments (DOMAIN.md B.7.2). A +86 or 0086
/// prefix and the spaces or hyphens people type are accepted and removed.
public struct MobileNumber: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public var description: String { value }

    public static func parse(_ text: String, field: String = "手机号码") -> Result<MobileNumber, FieldProblem> {
        var digits = text.trimmingSpaces.filter { $0 != " " && $0 != "-" }
        if digits.isEmpty { return .problem(field, "请填写手机号码") }
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("0086") { digits.removeFirst(4) }
        let characters = Array(digits)
        guard characters.allSatisfy(\.isASCIIDigit) else {
            return .problem(field, "只能填写数字")
        }
        guard characters.count == 11, characters[0] == "1", ("3"..."9").contains(characters[1]) else {
            return .problem(field, "应为 11 位手机号码，以 13 至 19 开头")
        }
        return .success(MobileNumber(value: digits))
    }
}
