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

    /// Lines of at most `columns` each. Breaks at spaces in Latin text and anywhere between
    /// CJK characters; keeps the text's own line breaks.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            var lastSpace: String.Index? = nil
            for character in paragraph {
                let width = DisplayWidth.columns(of: character)
                if used + width > columns {
                    if let space = lastSpace, character != " " {
                        let rest = String(line[line.index(after: space)...])
                        lines.append(String(line[..<space]))
                        line = rest
                    } else {
                        lines.append(line)
                        line = ""
                    }
                    lastSpace = nil
                    used = DisplayWidth.columns(of: line)
                    if character == " " { continue }
                }
                if character == " " { lastSpace = line.endIndex }
                if width == 2 { lastSpace = nil }
                line.append(character)
                used += width
            }
            lines.append(line)
        }
        return lines
    }

    /// `text` without leading and trailing spaces.
    public static func trimmed(_ text: String) -> String {
        String(text.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
