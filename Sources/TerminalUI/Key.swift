/// A key press, as the backend decodes it from get_wch (or a test types it).
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter, tab, backTab, escape, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1 to F12.
    case function(Int)
    /// Ctrl with a letter, as the lower-case letter: Ctrl-L is `.control("l")`.
    case control(Character)
    /// The terminal changed size; lay out again.
    case resize

    /// Keys for each character of `text`, as a paste or an input method delivers them.
    public static func typing(_ text: String) -> [Key] {
        text.map { .character($0) }
    }

    /// The name shown on the bottom bar and in help.
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character).uppercased()
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let number): return "F\(number)"
        case .control(let letter): return "Ctrl-\(String(letter).uppercased())"
        case .resize: return "Resize"
        }
    }
}
