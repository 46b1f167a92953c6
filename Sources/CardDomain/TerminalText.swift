/// Outside text (CSV fields, file names, typed input echoed back) made safe to show on a
/// terminal or in a log: control characters, bidi and other format controls, and line
/// separators become visible `\u{…}` escapes, so a field can neither send escape
/// sequences to an operator's terminal nor make the screen show other text than is stored.
public enum TerminalText {
    public static func escaped(_ text: String) -> String {
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
