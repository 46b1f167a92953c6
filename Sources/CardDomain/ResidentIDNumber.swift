/// 公民身份号码 per GB 11643-1999: a 6-digit address code, the birth date YYYYMMDD, a
/// 3-digit sequence code (odd = male) and an ISO 7064 MOD 11-2 check character.
///
/// Accepted as people type it: surrounding spaces, a lower-case x (normalised to X), and
/// the 15-digit form of GB 11643-1989, which is converted (century 19, check computed).
/// The address code is not checked against the current GB/T 2260 list: it reflects where
/// the holder registered when the number was issued, so retirees' numbers carry obsolete
/// Beijing codes such as 110103 崇文区 (DOMAIN.md B.1, B.4).
public struct ResidentIDNumber: Equatable, Hashable, Sendable, CustomStringConvertible {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")

    /// The 18-character normalised number.
    public let value: String
    public let birthDate: CalendarDate
    public let sex: Sex

    public var addressCode: String { String(value.prefix(6)) }
    public var description: String { value }

    /// Parses and checks `text`. `today`, when given, also refuses a birth date after it.
    public static func parse(_ text: String, field: String = "证件号码",
                             today: CalendarDate? = nil) -> Result<ResidentIDNumber, FieldProblem> {
        if let number = normalised(text, today: today) { return .success(number) }
        return parseAsTyped(text, field: field, today: today)
    }

    /// The general path: normalises what a person typed and names the first problem.
    static func parseAsTyped(_ text: String, field: String, today: CalendarDate?) -> Result<ResidentIDNumber, FieldProblem> {
        var characters = Array(text.trimmingSpaces.uppercased())
        if characters.isEmpty { return .problem(field, "请填写证件号码") }
        if characters.count == 15 {
            guard characters.allSatisfy(\.isASCIIDigit) else { return .problem(field, "15 位旧号码应全部为数字") }
            characters.insert(contentsOf: "19", at: 6)
            guard let check = checkCharacter(for: characters) else { return .problem(field, "15 位旧号码应全部为数字") }
            characters.append(check)
        }
        guard characters.count == 18 else {
            return .problem(field, "应为 18 位（或 15 位旧号码），现在是 \(characters.count) 位")
        }
        guard characters[0..<17].allSatisfy(\.isASCIIDigit), characters[17].isASCIIDigit || characters[17] == "X" else {
            return .problem(field, "前 17 位应为数字，最后一位为数字或 X")
        }
        guard characters[0] != "0" else { return .problem(field, "地址码不能以 0 开头，请核对号码") }
        guard let birth = CalendarDate(String(characters[6..<14])) else {
            return .problem(field, "出生日期 \(String(characters[6..<14])) 不是有效日期，请核对号码")
        }
        if let today, birth > today { return .problem(field, "出生日期 \(birth) 晚于今天，请核对号码") }
        guard birth.year >= 1800 else { return .problem(field, "出生年份 \(birth.year) 不合理，请核对号码") }
        guard let expected = checkCharacter(for: characters), let sequenceDigit = characters[16].wholeNumberValue else {
            return .problem(field, "前 17 位应为数字，最后一位为数字或 X")
        }
        guard characters[17] == expected else {
            return .problem(field, "校验位不正确（最后一位应为 \(expected)），请核对号码")
        }
        return .success(ResidentIDNumber(value: String(characters), birthDate: birth,
                                         sex: sequenceDigit % 2 == 1 ? .male : .female))
    }

    /// The common case read straight from the bytes: a number already in its normal form
    /// (18 ASCII characters, upper-case X) with a real birth date and the right check
    /// character. Nil for anything else, which `parseAsTyped` then normalises or explains.
    /// An import checks each row's number twice, so this is most of a row's checking.
    static func normalised(_ text: String, today: CalendarDate?) -> ResidentIDNumber? {
        let utf8 = text.utf8
        guard utf8.count == 18 else { return nil }
        var digits: (sum: Int, year: Int, month: Int, day: Int, sequence: Int) = (0, 0, 0, 0, 0)
        var check: UInt8 = 0
        for (index, byte) in utf8.enumerated() {
            if index == 17 {
                check = byte
                break
            }
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            digits.sum += digit * weights[index]
            switch index {
            case 0 where digit == 0: return nil
            case 6..<10: digits.year = digits.year * 10 + digit
            case 10..<12: digits.month = digits.month * 10 + digit
            case 12..<14: digits.day = digits.day * 10 + digit
            case 16: digits.sequence = digit
            default: break
            }
        }
        guard check == checkCharacters[digits.sum % 11].asciiValue,
              let birth = CalendarDate(year: digits.year, month: digits.month, day: digits.day),
              birth.year >= 1800, today.map({ birth <= $0 }) ?? true else { return nil }
        return ResidentIDNumber(value: text, birthDate: birth, sex: digits.sequence % 2 == 1 ? .male : .female)
    }

    /// The MOD 11-2 check character for the first 17 digits, or nil if they are not digits.
    public static func checkCharacter(for characters: [Character]) -> Character? {
        guard characters.count >= 17 else { return nil }
        var sum = 0
        for index in 0..<17 {
            guard characters[index].isASCIIDigit, let ascii = characters[index].asciiValue else { return nil }
            sum += Int(ascii - 48) * weights[index]
        }
        return checkCharacters[sum % 11]
    }
}

extension ResidentIDNumber {
    /// A number that `parse` has already accepted (the birth date and sex read again
    /// cheaply); nil if it is not 18 characters with a real date.
    init?(alreadyChecked value: String) {
        let bytes = Array(value.utf8)
        guard bytes.count == 18, let birth = CalendarDate(String(decoding: bytes[6..<14], as: UTF8.self)) else { return nil }
        self.init(value: value, birthDate: birth, sex: (bytes[16] - 48) % 2 == 1 ? .male : .female)
    }
}
