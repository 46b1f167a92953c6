import CNcursesw
#if canImport(Glibc)
import Glibc
#endif
import TerminalUI

/// The real terminal through ncursesw: starts curses under the user's UTF-8 locale, reads
/// keys with get_wch, and copies a `Canvas` to the screen, sending only the runs of cells
/// that changed since the last frame. `stop()` restores the terminal and is safe to call
/// more than once, so every exit path can call it.
public final class CursesTerminal {
    public private(set) var isMonochrome = true
    private var previous: CellGrid?
    private var isRunning = false
    private let palette = CursesPalette()

    public init() {}

    /// What `useUTF8Locale` found.
    public enum LocaleOutcome: Equatable, Sendable {
        /// The user's own locale is UTF-8.
        case userLocale
        /// It was not (LANG and LC_ALL unset over ssh, or a legacy charset): this one was used.
        case fellBack(String)
        /// No UTF-8 locale could be set: Chinese text cannot be shown.
        case unavailable(codeset: String)
    }

    /// Takes the user's locale, and where its character set is not UTF-8 falls back to
    /// C.UTF-8 for characters (then en_US.UTF-8), since ncursesw draws nothing it cannot
    /// encode. Call before `start`.
    public static func useUTF8Locale() -> LocaleOutcome {
        setlocale(LC_ALL, "")
        if isUTF8 { return .userLocale }
        for fallback in ["C.UTF-8", "en_US.UTF-8"] where setlocale(LC_CTYPE, fallback) != nil && isUTF8 {
            return .fellBack(fallback)
        }
        return .unavailable(codeset: codeset)
    }

    static var codeset: String { String(cString: nl_langinfo(nl_item(CODESET))) }
    static var isUTF8: Bool { ["UTF-8", "utf8", "UTF8"].contains(codeset) }

    /// Starts curses. `monochrome` forces no colour (NO_COLOR); a terminal without colours
    /// (TERM=vt100) is monochrome anyway.
    public func start(monochrome: Bool) {
        sscard_install_signal_handlers()
        initscr()
        // Short, so Esc answers at once (after initscr, which reads $ESCDELAY).
        sscard_set_escdelay(25)
        raw()
        noecho()
        nonl()
        keypad(sscard_stdscr(), true)
        defineCommonKeySequences()
        isRunning = true
        isMonochrome = monochrome || !has_colors()
        if !isMonochrome {
            start_color()
            use_default_colors()
            palette.defineColourPairs()
        }
        previous = nil
    }

    public func stop() {
        guard isRunning else { return }
        isRunning = false
        curs_set(1)
        endwin()
    }

    public var size: (rows: Int, columns: Int) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        sscard_getmaxyx(sscard_stdscr(), &rows, &columns)
        return (Int(rows), Int(columns))
    }

    /// SIGTERM or SIGHUP arrived since start; the caller should save and stop.
    public var pendingSignal: Int32? {
        let number = sscard_pending_signal()
        return number == 0 ? nil : number
    }

    /// The next key, or nil when `timeoutMilliseconds` pass without one.
    public func readKey(timeoutMilliseconds: Int32) -> Key? {
        wtimeout(sscard_stdscr(), timeoutMilliseconds)
        var code: wint_t = 0
        let result = wget_wch(sscard_stdscr(), &code)
        if result == ERR { return nil }
        if result == sscard_key_code_yes() {
            let key = CursesKeyDecoder.key(functionKey: Int32(code))
            if key == .resize { previous = nil }
            return key
        }
        return CursesKeyDecoder.key(character: UInt32(code))
    }

    /// Forgets what is on screen so the next `draw` sends everything (Ctrl-L).
    public func invalidate() {
        previous = nil
        clearok(sscard_curscr(), true)
    }

    /// Sends the cells that changed since the last frame, then places the cursor.
    public func draw(_ canvas: Canvas) {
        let window = sscard_stdscr()
        if previous == nil { werase(window) }
        for run in canvas.grid.changes(since: previous) {
            wmove(window, Int32(run.row), Int32(run.column))
            var column = run.column
            for cell in run.cells {
                defer { column += 1 }
                if cell.isContinuation { continue }
                // The bottom-right cell is written with insertion so curses does not scroll.
                let (attributes, pair) = palette.attributes(for: cell.style, monochrome: isMonochrome)
                wattr_set(window, attributes, pair, nil)
                var wide = cell.character.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
                if run.row == canvas.height - 1, column + Int(cell.width) >= canvas.width {
                    wmove(window, Int32(run.row), Int32(column))
                    wins_nwstr(window, &wide, Int32(wide.count - 1))
                } else {
                    waddnwstr(window, &wide, Int32(wide.count - 1))
                }
            }
        }
        wattr_set(window, sscard_a_normal(), 0, nil)
        if let cursor = canvas.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        previous = canvas.grid
    }

    /// Home and End as PuTTY, tmux, screen and rxvt send them (\e[1~, \e[4~, \e[7~, \e[8~),
    /// and in both xterm modes: a TERM of xterm names only one, and an unknown sequence
    /// would arrive as typed characters (a clerk on PuTTY pressing Home typed "[1~").
    private func defineCommonKeySequences() {
        let sequences: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ]
        for (sequence, code) in sequences where key_defined(sequence) != code {
            define_key(sequence, code)
        }
    }
}
