/// The basic Chinese line-breaking rules a screen's text must keep (GB/T 15834, clreq):
/// no line starts with closing punctuation and none ends with opening punctuation.
public enum LineBreakRules {
    static let closing: Set<Character> = Set("，。、；：？！）」』】》")
    static let opening: Set<Character> = Set("（「『【《")

    /// The lines of `text` that break a rule, each with why.
    public static func violations(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { row in
            let content = row.drop { $0 == " " || $0 == "|" }
            var end = Substring(content)
            while let last = end.last, last == " " || last == "|" { end = end.dropLast() }
            if let first = content.first, closing.contains(first) { return "starts with \(first): \(row)" }
            if let last = end.last, opening.contains(last) { return "ends with \(last): \(row)" }
            return nil
        }
    }
}
