/// The rules every free-text field shares (addresses, reasons, tracking numbers): what the
/// screen shows must be what is stored. So no control, format or bidi characters (U+202E,
/// zero-width spaces, BOMs, line separators, private use), and the length is limited in
/// scalars as well as in characters, since combining marks make one character of many.
public enum FreeText {
    /// Scalars allowed per character of the limit: room for real combining marks.
    static let scalarsPerCharacter = 2

    /// Why `text` cannot be stored in a field of at most `maximumCharacters`, or nil.
    public static func problem(_ text: String, maximumCharacters: Int) -> String? {
        if let unsafe = text.unicodeScalars.first(where: TerminalText.isUnsafe) {
            let code = String(unsafe.value, radix: 16, uppercase: true)
            return "含有不可见或控制字符（U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)），请删除后重新输入"
        }
        if text.count > maximumCharacters { return "不能超过 \(maximumCharacters) 个字" }
        if text.unicodeScalars.count > maximumCharacters * scalarsPerCharacter {
            return "含有过多的组合符号，请重新输入"
        }
        return nil
    }
}
