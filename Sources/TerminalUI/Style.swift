/// How a cell is drawn. Tones are meanings, not colours: the backend maps them to colour
/// pairs, or to bold/underline/reverse on a monochrome terminal, so a screen never
/// depends on colour to be understood.
public struct Style: Hashable, Sendable {
    public enum Tone: UInt8, CaseIterable, Sendable {
        case normal, title, muted, accent, error, success, warning
        /// A QR symbol: dark on light whatever the terminal's colours, for scanners.
        case scanCode
    }

    public var tone: Tone
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(tone: Tone = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.tone = tone
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let normal = Style()
    public static let title = Style(tone: .title, bold: true)
    public static let muted = Style(tone: .muted)
    public static let accent = Style(tone: .accent, bold: true)
    public static let error = Style(tone: .error, bold: true)
    public static let success = Style(tone: .success, bold: true)
    public static let warning = Style(tone: .warning, bold: true)
    /// The focused field or the highlighted row.
    public static let focus = Style(tone: .accent, reverse: true)
    /// Editable values, so they stand out from read-only text.
    public static let input = Style(tone: .normal, underline: true)

}
