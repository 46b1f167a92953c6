extension Character {
    /// 0 to 9 only, one scalar: `isNumber` would also accept full-width and other scripts'
    /// digits, and a range check on Characters accepts "1" with a combining mark (U+0301),
    /// which no ID, code or phone number may contain.
    var isASCIIDigit: Bool {
        let scalars = unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return false }
        return scalar.value >= 0x30 && scalar.value <= 0x39
    }
}
