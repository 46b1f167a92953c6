/// The first line on which each 证件号码 appeared in an import, to refuse a repeat.
/// A million resident ID numbers as Strings (18 bytes, past the inline limit) cost a heap
/// allocation each; most numbers are 17 digits and a digit or X, so those are kept packed
/// into one UInt64, exactly (no two such numbers share a key). Any other number is kept
/// as text.
struct FirstRowOfNumber {
    private var packed: [UInt64: Int] = [:]
    private var other: [String: Int] = [:]

    /// The line `number` first appeared on, or nil (and `line` is remembered as its first).
    mutating func firstLine(of number: String, otherwiseRemember line: Int) -> Int? {
        if let key = Self.packedKey(number) {
            if let first = packed[key] { return first }
            packed[key] = line
        } else {
            if let first = other[number] { return first }
            other[number] = line
        }
        return nil
    }

    /// The 17 digits as a number (below 10^17, 57 bits) times 11, plus the last
    /// character's place in "0123456789X"; nil for any other text.
    static func packedKey(_ number: String) -> UInt64? {
        let utf8 = number.utf8
        guard utf8.count == 18 else { return nil }
        var value: UInt64 = 0
        for (index, byte) in utf8.enumerated() {
            let digit: UInt64
            switch byte {
            case 0x30...0x39: digit = UInt64(byte - 0x30)
            case UInt8(ascii: "X") where index == 17: digit = 10
            default: return nil
            }
            value = value * (index == 17 ? 11 : 10) + digit
        }
        return value
    }
}
