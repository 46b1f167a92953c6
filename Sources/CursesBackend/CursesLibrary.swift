import CNcursesw

/// Facts about the linked curses library. The full backend (drawing a cell grid,
/// decoding get_wch, resize, colours) belongs to the terminal issue; the foundation
/// shows at `sscard --version` that ncursesw is the library linked.
public enum CursesLibrary {
    /// The version string ncurses reports, such as "ncurses 6.4.20230625".
    public static var version: String {
        String(cString: sscard_curses_version())
    }
}
