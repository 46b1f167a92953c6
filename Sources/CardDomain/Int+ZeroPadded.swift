extension Int {
    /// "0042" for 42 padded to 4: dates, running numbers and generated codes.
    public func zeroPadded(_ width: Int) -> String {
        let text = String(self)
        return String(repeating: "0", count: Swift.max(0, width - text.count)) + text
    }
}
