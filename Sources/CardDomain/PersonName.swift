/// 姓名: Chinese characters, with the middle dot · between the parts of a minority or
/// transliterated name (阿依古丽·买买提), or Latin letters and spaces for foreigners.
/// The dot look-alikes people type (• ・ ．) are normalised to U+00B7.
public struct PersonName: Equatable, Hashable, Sendable, CustomStringConvertible {
    public static let maximumChinese = 30
    public static let maximumLatin = 60
    static let dotLookAlikes: Set<Character> = ["•", "・", "．", "\u{2027}", "\u{30FB}"]

    public let value: String
    public var description: String { value }

    /// The one stored form: trimmed, every dot look-alike as U+00B7.
    public static func normalised(_ text: String) -> String {
        String(text.trimmingSpaces.map { dotLookAlikes.contains($0) ? "·" : $0 })
    }

    public static func parse(_ text: String, field: String = "姓名") -> Result<PersonName, FieldProblem> {
        let name = normalised(text)
        guard name.unicodeScalars.count <= maximumLatin * 2 else { return .problem(field, "太长，请核对姓名") }
        if name.isEmpty { return .problem(field, "请填写姓名") }
        let hasChinese = name.unicodeScalars.contains(where: isChinese)
        let hasLatin = name.unicodeScalars.contains(where: isLatinLetter)
        if let bad = name.first(where: { !$0.unicodeScalars.allSatisfy { isChinese($0) || isLatinLetter($0) || $0 == "·" || $0 == " " } }) {
            return .problem(field, "含有不允许的字符「\(TerminalText.escaped(String(bad)))」；只能填写汉字、字母和间隔号 ·")
        }
        guard !(hasChinese && hasLatin) else { return .problem(field, "请只用汉字或只用字母填写，与证件一致") }
        guard name.first != "·", name.last != "·", !name.contains("··") else {
            return .problem(field, "间隔号 · 只能用在姓名中间，且不能连用")
        }
        if hasChinese {
            guard !name.contains(" ") else { return .problem(field, "汉字姓名中不能有空格") }
            guard name.count >= 2 else { return .problem(field, "汉字姓名至少 2 个字") }
            guard name.count <= maximumChinese else { return .problem(field, "不能超过 \(maximumChinese) 个字") }
        } else {
            guard name.count <= maximumLatin else { return .problem(field, "不能超过 \(maximumLatin) 个字母") }
            guard !name.contains("  ") else { return .problem(field, "字母之间只能有一个空格") }
        }
        return .success(PersonName(value: name))
    }

    static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2FFFF, 0x30000...0x3134F, 0xF900...0xFAFF: return true
        default: return false
        }
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
    }
}
