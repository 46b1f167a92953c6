import CNcursesw
import TerminalUI

/// Maps a `Style`'s tone to curses attributes: a colour pair on the terminal's own
/// background (use_default_colors), or on a monochrome terminal bold, underline and
/// reverse alone, so nothing depends on colour to be read.
struct CursesPalette {
    /// Pair numbers follow `Style.Tone`'s raw values; pair 0 is the terminal default.
    func defineColourPairs() {
        let foreground: [Style.Tone: Int16] = [
            .title: Int16(COLOR_CYAN), .muted: -1, .accent: Int16(COLOR_CYAN),
            .error: Int16(COLOR_RED), .success: Int16(COLOR_GREEN), .warning: Int16(COLOR_YELLOW),
        ]
        for (tone, colour) in foreground {
            init_pair(Int16(tone.rawValue), colour, -1)
        }
        init_pair(Int16(Style.Tone.scanCode.rawValue), Int16(COLOR_BLACK), Int16(COLOR_WHITE))
    }

    func attributes(for style: Style, monochrome: Bool) -> (attr_t, Int16) {
        var attributes = sscard_a_normal()
        if style.bold { attributes |= sscard_a_bold() }
        // Without colours a scan code is dark on light only in reverse video (a light-on-dark
        // terminal), so its tone flips the reverse attribute.
        if style.reverse != (monochrome && style.tone == .scanCode) { attributes |= sscard_a_reverse() }
        if style.underline { attributes |= sscard_a_underline() }
        if monochrome {
            if style.tone == .error { attributes |= sscard_a_bold() | sscard_a_underline() }
            if style.tone == .title || style.tone == .accent || style.tone == .warning { attributes |= sscard_a_bold() }
            return (attributes, 0)
        }
        if style.tone == .muted { attributes |= sscard_a_dim() }
        return (attributes, style.tone == .normal ? 0 : Int16(style.tone.rawValue))
    }
}
