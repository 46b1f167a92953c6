/// 证件类型 (DOMAIN.md B.8). Which types exist, and the rule each number follows, are data.
public struct DocumentType: Codable, Equatable, Hashable, Sendable {
    public static let residentIDCode = "01"

    public enum Rule: String, Codable, Sendable {
        /// GB 11643 公民身份号码.
        case residentID
        /// 港澳台居民居住证: the ID format with address code 810000, 820000 or 830000.
        case residencePermit
        /// 外国人永久居留身份证: 3 letters + 12 digits (2017), or 18 characters starting 9 (2023).
        case permanentResidence
        /// A regular expression given with the type.
        case pattern
    }

    public var code: String
    public var name: String
    public var rule: Rule
    public var pattern: String?
    public var example: String?
    /// Whether the online channels take this type (民生一卡通's real-name check takes only 身份证).
    public var onlineChannels: Bool

    public var isResidentID: Bool { rule == .residentID }

    /// The normalised number, or what is wrong with it.
    public func parseNumber(_ text: String, field: String = "证件号码") -> Result<String, FieldProblem> {
        if rule == .residentID, let number = ResidentIDNumber.normalised(text, today: nil) { return .success(number.value) }
        let value = text.trimmingSpaces.uppercased()
        if value.isEmpty { return .problem(field, "请填写\(name)号码") }
        switch rule {
        case .residentID:
            return ResidentIDNumber.parse(value, field: field).map(\.value)
        case .residencePermit:
            return ResidentIDNumber.parse(value, field: field).flatMap { number in
                ["810000", "820000", "830000"].contains(number.addressCode)
                    ? .success(number.value)
                    : .problem(field, "港澳台居民居住证号码应以 810000、820000 或 830000 开头")
            }
        case .permanentResidence:
            return Self.parsePermanentResidence(value, field: field)
        case .pattern:
            guard let pattern, let regex = try? Regex(pattern) else {
                return .problem(field, "无法校验\(name)号码，请联系管理员")
            }
            if (try? regex.wholeMatch(in: value)) != nil { return .success(value) }
            return .problem(field, "\(name)号码格式不对" + (example.map { "，例如 \($0)" } ?? ""))
        }
    }

    private static func parsePermanentResidence(_ value: String, field: String) -> Result<String, FieldProblem> {
        let characters = Array(value)
        if characters.count == 15, characters.prefix(3).allSatisfy({ $0.isASCII && $0.isLetter }),
           characters.suffix(12).allSatisfy(\.isASCIIDigit) {
            return .success(value)
        }
        if characters.count == 18, characters.first == "9", characters.prefix(17).allSatisfy(\.isASCIIDigit),
           ResidentIDNumber.checkCharacter(for: Array(characters.prefix(17))) == characters[17] {
            return .success(value)
        }
        return .problem(field, "外国人永久居留身份证号码应为 3 个字母加 12 位数字，或以 9 开头的 18 位号码（末位校验码需正确）")
    }
}
