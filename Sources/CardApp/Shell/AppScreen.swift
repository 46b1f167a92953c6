import TerminalUI

/// What every page of the shell shows the same way: its title, the keys on its bottom bar,
/// and its form (drawn full-screen, or asked line by line in the accessible mode).
public protocol AppScreen {
    var title: String { get }
    var hints: [KeyHint] { get }
    var form: Form { get }
    /// True while the page itself acts on Enter in the focused field (a search field that
    /// searches): then the key bar keeps the page's own word for Enter.
    var handlesEnterItself: Bool { get }
    /// The button the line mode presses on an empty answer, when the page has a usual one.
    var plainDefaultButton: String? { get }
}

extension AppScreen {
    public var handlesEnterItself: Bool { false }
    public var plainDefaultButton: String? { nil }
}
