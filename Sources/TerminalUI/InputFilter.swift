/// Which characters a text field accepts, so a mask refuses wrong keys as they are typed
/// rather than after the whole value.
public enum InputFilter: Equatable, Sendable {
    case any
    case digits
    /// Digits and a final X, for 证件号码; x is taken as X.
    case identityNumber
    /// Printable ASCII without spaces: user names, passwords, codes.
    case ascii

    public func accepts(_ character: Character) -> Character? {
        switch self {
        case .any:
            return character.isNewline || character == "\t" ? nil : character
        case .digits:
            return character.isASCII && character.isNumber ? character : nil
        case .identityNumber:
            if character == "x" || character == "X" { return "X" }
            return character.isASCII && character.isNumber ? character : nil
        case .ascii:
            guard let value = character.asciiValue, value > 0x20, value < 0x7F else { return nil }
            return character
        }
    }
}
