/// 常住所在地地址 and 收件详细地址: free text, but enough of it to deliver a card to, and
/// nothing a label printer cannot print.
public struct StreetAddress: Equatable, Hashable, Sendable, CustomStringConvertible {
    public static let minimumLength = 5
    public static let maximumLength = 100

    public let value: String
    public var description: String { value }

    public static func parse(_ text: String, field: String = "详细地址") -> Result<StreetAddress, FieldProblem> {
        let address = text.trimmingSpaces
        if address.isEmpty { return .problem(field, "请填写地址") }
        if let problem = FreeText.problem(address, maximumCharacters: maximumLength) { return .problem(field, problem) }
        guard address.count >= minimumLength else {
            return .problem(field, "太短，请写到街道、门牌号，例如「北京市朝阳区和平街12号院3号楼2单元501」")
        }
        guard !address.allSatisfy({ $0.isASCIIDigit || $0 == " " }) else { return .problem(field, "不能只有数字，请写明街道和门牌号") }
        return .success(StreetAddress(value: address))
    }
}
