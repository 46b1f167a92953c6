import CardDomain

/// What `journal dump` leaves out or masks in a payload, whatever the event kind:
/// secrets are never exported (password hashes, code hashes), and unless `--full` is
/// given, every string that is an ID number or a mobile number is masked as lists mask
/// them (D12), so a new kind of event is covered without being listed here.
public enum RecordRedaction {
    public static let secretKeys: Set<String> = ["passwordHash", "codeHash", "secretHash"]

    /// The string `raw` appended to `output`, masked when it is an 18-character ID number
    /// (the last may be X), a 15-digit one, or an 11-digit mobile number starting with 1.
    /// Told from the bytes: every such number is ASCII, and a string with any other
    /// character has too few digit bytes to be one, so it is copied as it is.
    public static func appendMasked(_ raw: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        let count = raw.count
        guard count == 11 || count == 15 || count == 18 else { return output.append(contentsOf: raw) }
        let digits = raw.count { $0 >= 0x30 && $0 <= 0x39 }
        let isID = (count == 18 && digits >= 17 && (digits == 18 || raw[17] == UInt8(ascii: "X") || raw[17] == UInt8(ascii: "x")))
            || (count == 15 && digits == 15)
        let isPhone = count == 11 && digits == 11 && raw[0] == UInt8(ascii: "1")
        guard let kept = isID ? PrivacyMask.identityKept : isPhone ? PrivacyMask.phoneKept : nil else {
            return output.append(contentsOf: raw)
        }
        output.append(contentsOf: raw[..<kept.prefix])
        output.append(contentsOf: repeatElement(UInt8(ascii: "*"), count: count - kept.prefix - kept.suffix))
        output.append(contentsOf: raw[(count - kept.suffix)...])
    }
}
