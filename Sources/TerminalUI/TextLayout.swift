/// Measuring, cutting, padding and wrapping text by terminal columns rather than by
/// characters, so CJK text lines up.
public enum TextLayout {
    /// The longest prefix of `text` that fits in `columns`.
    public static func truncate(_ text: String, to columns: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let width = DisplayWidth.columns(of: character)
            if used + width > columns { break }
            used += width
            result.append(character)
        }
        return result
    }

    /// `text` cut or padded with spaces to exactly `columns`.
    public static func pad(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        return cut + String(repeating: " ", count: max(0, columns - DisplayWidth.columns(of: cut)))
    }

    /// Lines of at most `columns` each, broken where Chinese typesetting allows
    /// (`LineBreaking`); keeps the text's own line breaks.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
            paragraph.isEmpty ? [""] : LineBreaking.lines(of: paragraph, columns: columns)
        }
    }

    /// `text` without leading and trailing spaces.
    public static func trimmed(_ text: String) -> String {
        String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
