/// A Beijing postal code: six digits 100000 to 102999 (Beijing's prefix is 10; DOMAIN.md
/// B.7.3). Cards are mailed within Beijing, so other provinces' codes are refused.
public struct PostalCode: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let value: String
    public var description: String { value }

    public static func parse(_ text: String, field: String = "邮政编码") -> Result<PostalCode, FieldProblem> {
        let characters = Array(text.trimmingSpaces)
        if characters.isEmpty { return .problem(field, "请填写邮政编码") }
        guard characters.count == 6, characters.allSatisfy(\.isASCIIDigit) else {
            return .problem(field, "应为 6 位数字")
        }
        guard characters[0] == "1", characters[1] == "0", ("0"..."2").contains(characters[2]) else {
            return .problem(field, "应为北京地区的邮政编码（100000 至 102999）")
        }
        return .success(PostalCode(value: String(characters)))
    }
}
