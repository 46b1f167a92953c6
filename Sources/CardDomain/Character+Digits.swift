extension Character {
    /// 0 to 9 only: `isNumber` would also accept full-width and other scripts' digits,
    /// which no ID, code or phone number may contain.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
