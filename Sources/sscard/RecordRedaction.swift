import CardDomain

/// What `journal dump` leaves out or masks in a payload, whatever the event kind:
/// secrets are never exported (password hashes, code hashes), and unless `--full` is
/// given, every string that is an ID number or a mobile number is masked as lists mask
/// them (D12), so a new kind of event is covered without being listed here.
enum RecordRedaction {
    static let secretKeys: Set<String> = ["passwordHash", "codeHash", "secretHash"]

    /// An 18- or 15-character ID number, or an 11-digit mobile number, masked; other text as it is.
    static func mask(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let digits = scalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }.count
        let isID = (scalars.count == 18 && digits >= 17 && (digits == 18 || scalars[17] == "X" || scalars[17] == "x"))
            || (scalars.count == 15 && digits == 15)
        if isID { return PrivacyMask.identityNumber(text) }
        if scalars.count == 11, digits == 11, scalars[0] == "1" { return PrivacyMask.phoneNumber(text) }
        return text
    }

    /// `mask` on the bytes of an ASCII string, appended to `output`: a dump masks millions
    /// of numbers, and every one is ASCII. Anything else goes through `mask`.
    static func appendMasked(_ raw: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        guard raw.allSatisfy({ $0 < 0x80 }) else {
            output.append(contentsOf: mask(String(decoding: raw, as: UTF8.self)).utf8)
            return
        }
        let count = raw.count
        let digits = raw.count { $0 >= 0x30 && $0 <= 0x39 }
        let isID = (count == 18 && digits >= 17 && (digits == 18 || raw[17] == UInt8(ascii: "X") || raw[17] == UInt8(ascii: "x")))
            || (count == 15 && digits == 15)
        let isPhone = count == 11 && digits == 11 && raw[0] == UInt8(ascii: "1")
        guard let kept = isID ? PrivacyMask.identityKept : isPhone ? PrivacyMask.phoneKept : nil else {
            output.append(contentsOf: raw)
            return
        }
        output.append(contentsOf: raw[..<kept.prefix])
        output.append(contentsOf: repeatElement(UInt8(ascii: "*"), count: count - kept.prefix - kept.suffix))
        output.append(contentsOf: raw[(count - kept.suffix)...])
    }
}
