import TerminalUI

/// What every page of the shell shows the same way: its title, the keys on its bottom bar,
/// and its form (drawn full-screen, or asked line by line in the accessible mode).
public protocol AppScreen {
    var title: String { get }
    var hints: [KeyHint] { get }
    var form: Form { get }
}
