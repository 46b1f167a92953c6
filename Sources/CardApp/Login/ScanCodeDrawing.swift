/// How a login code's QR symbol is drawn. Half-blocks (▀ ▄ █) fit two module rows a line,
/// but they are ambiguous-width, and a CJK terminal may draw them two columns wide; so
/// the terminal is asked before curses starts (sscard prints one and reads the cursor
/// back). Reverse-video spaces are safe on any terminal but need a line per module row.
public enum ScanCodeDrawing: String, CaseIterable, Equatable, Sendable {
    case halfBlocks = "halfblocks"
    case reverseVideo = "reverse"
    case textOnly = "text"

    /// What the terminal's answer allows: half-blocks only where they are one column wide;
    /// where the terminal did not answer, the safe reverse video.
    public static func forAmbiguousWidth(_ columns: Int?) -> ScanCodeDrawing {
        columns == 1 ? .halfBlocks : .reverseVideo
    }

    /// SSCARD_QR=halfblocks|reverse|text overrides the probe (a terminal that answers wrongly).
    public static func chosen(override: String?, probedWidth: () -> Int?) -> ScanCodeDrawing {
        if let override, let drawing = ScanCodeDrawing(rawValue: override.lowercased()) { return drawing }
        return forAmbiguousWidth(probedWidth())
    }

    /// The drawings to try, best first, that this choice allows.
    var candidates: [ScanCodeDrawing] {
        switch self {
        case .halfBlocks: return [.halfBlocks, .reverseVideo]
        case .reverseVideo: return [.reverseVideo]
        case .textOnly: return []
        }
    }
}
