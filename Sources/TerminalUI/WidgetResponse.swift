/// What a widget did with a key. `.ignored` lets the form use the key (Tab, or an arrow
/// at the edge of a list) to move between fields.
public enum WidgetResponse: Equatable, Sendable {
    case ignored
    case handled
    /// Enter on a list or a button: the owner acts on the widget's current value.
    case activated
    case cancelled
}
