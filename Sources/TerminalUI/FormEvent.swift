/// What a key did to a form, for the screen that owns it.
public enum FormEvent: Equatable, Sendable {
    case handled
    /// The form did not use the key (Esc, F-keys): the screen decides.
    case ignored(Key)
    /// Enter on the last field: validate and go on.
    case submitted
    /// Enter on a button.
    case pressed(String)
}
