/// Outside text (CSV fields, file names, typed input echoed back) made safe to show on a
/// terminal or in a log: control characters, bidi and other format controls, and line
/// separators become visible `\u{…}` escapes, so a field can neither send escape
/// sequences to an operator's terminal nor make the screen show other text than is stored.
public enum TerminalText {
    public static func escaped(_ text: String) -> String {
        if isPlainlySafe(text) { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// True when every character is printable ASCII or a CJK unified ideograph, told from
    /// the UTF-8 bytes alone: most text, which then needs no look at each character (`isUnsafe`
    /// answers false for all of it).
    public static func isPlainlySafe(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x7F {
                    index += 1
                    continue
                }
                // E4 B8..BF and E5..E9 lead the three-byte forms of U+4E00...U+9FFF.
                guard byte >= 0xE4 && byte <= 0xE9, index + 2 < bytes.count,
                      byte != 0xE4 || bytes[index + 1] >= 0xB8 else { return false }
                index += 3
            }
            return true
        } ?? false
    }

    /// C0 and C1 controls, DEL, format characters (bidi overrides and isolates, zero-width
    /// characters, the BOM), line and paragraph separators, and private-use characters.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        // Most text is printable ASCII or CJK Unified Ideographs (every one assigned, Lo):
        // answered without the general-category table, which a district's dump asks
        // hundreds of millions of times.
        if (0x20..<0x7F).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value) { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return true
        default:
            return false
        }
    }
}
