/// Where a line of text may break, by the basic rules of Chinese typesetting (GB/T 15834
/// and the W3C's clreq): never before closing punctuation (，。」…), never after opening
/// punctuation (「（…), never inside a run of Latin letters or digits (an ID number, a
/// path), and between any two Chinese characters otherwise. A break just after a comma
/// or a full stop is preferred when it leaves the line mostly full, so that a message is
/// split between its phrases rather than inside a word (手机号 / 码).
public enum LineBreaking {
    static let closing: Set<Character> = Set("，。、；：？！）」』】》〉”’…,.;:!?)]}%")
    static let opening: Set<Character> = Set("（「『【《〈“‘([{")
    static let phraseEnds: Set<Character> = Set("，。、；：？！,;")

    /// Whether a line may end between `before` and `after`.
    static func canBreak(between before: Character, and after: Character) -> Bool {
        if after == " " { return false }
        if before == " " { return true }
        if closing.contains(after) || opening.contains(before) { return false }
        return DisplayWidth.columns(of: before) == 2 || DisplayWidth.columns(of: after) == 2
    }

    /// `paragraph` (no line breaks of its own) in lines of at most `columns`.
    static func lines(of paragraph: Substring, columns: Int) -> [String] {
        lines(of: paragraph, limit: Double(columns)) { Double(DisplayWidth.columns(of: $0)) }
    }

    /// `paragraph` in lines no wider than `limit`, each character `width` wide: terminal
    /// columns on screen, points on a printed page.
    public static func lines(of paragraph: Substring, limit: Double, width: (Character) -> Double) -> [String] {
        let characters = Array(paragraph)
        var lines: [String] = []
        var start = 0
        repeat {
            var used = 0.0
            var index = start
            var lastBreak: Int? = nil
            var lastPhraseBreak: Int? = nil
            var usedAtPhraseBreak = 0.0
            while index < characters.count {
                if index > start, canBreak(between: characters[index - 1], and: characters[index]) {
                    lastBreak = index
                    if phraseEnds.contains(characters[index - 1]) { lastPhraseBreak = index; usedAtPhraseBreak = used }
                }
                let characterWidth = width(characters[index])
                if used + characterWidth > limit {
                    // A space that does not fit ends the line itself.
                    if characters[index] == " " { lastBreak = index }
                    break
                }
                used += characterWidth
                index += 1
            }
            guard index < characters.count else {
                lines.append(String(characters[start...]))
                break
            }
            var end = lastBreak ?? index
            if let phrase = lastPhraseBreak, usedAtPhraseBreak * 4 >= limit * 3 { end = phrase }
            if end <= start { end = max(index, start + 1) }
            lines.append(trimmingTrailingSpaces(characters[start..<end]))
            start = end
            while start < characters.count, characters[start] == " " { start += 1 }
        } while start < characters.count
        return lines
    }

    private static func trimmingTrailingSpaces(_ characters: ArraySlice<Character>) -> String {
        var line = String(characters)
        while line.last == " " { line.removeLast() }
        return line
    }
}
