import CardDomain

/// Copies a JSON payload as it is, leaving out secret members and masking ID and phone
/// numbers (RecordRedaction's rules), without building objects: the dump of a district's
/// journal is millions of records. Anything that is not strict JSON (or not UTF-8) gives
/// nil, and the caller falls back to base64, so an outside journal cannot crash it.
public struct RedactedJSON {
    private let input: UnsafeRawBufferPointer
    private let masking: Bool
    private var index = 0
    private var output: [UInt8] = []
    static let maximumDepth = 256
    static let secretKeys = RecordRedaction.secretKeys.map { Array($0.utf8) }
    static let escapable = Array("\"\\/bfnrtu".utf8)

    public static func rewrite(_ payload: UnsafeRawBufferPointer, masking: Bool) -> String? {
        var rewriter = RedactedJSON(input: payload, masking: masking)
        rewriter.output.reserveCapacity(payload.count)
        guard (try? rewriter.value(depth: 0)) != nil else { return nil }
        rewriter.skipSpace()
        guard rewriter.index == payload.count else { return nil }
        return String(validating: rewriter.output, as: UTF8.self)
    }

    private init(input: UnsafeRawBufferPointer, masking: Bool) {
        self.input = input
        self.masking = masking
    }

    private struct Invalid: Error {}

    private var current: UInt8? { index < input.count ? input[index] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipSpace()
        guard current == byte else { throw Invalid() }
        index += 1
    }

    private mutating func value(depth: Int) throws {
        guard depth < Self.maximumDepth else { throw Invalid() }
        skipSpace()
        switch current {
        case UInt8(ascii: "{"): try object(depth: depth)
        case UInt8(ascii: "["): try array(depth: depth)
        case UInt8(ascii: "\""): try string(maskable: true)
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case .some(let byte) where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): try number()
        default: throw Invalid()
        }
    }

    private mutating func object(depth: Int) throws {
        index += 1
        output.append(UInt8(ascii: "{"))
        skipSpace()
        if current == UInt8(ascii: "}") { index += 1; output.append(UInt8(ascii: "}")); return }
        var first = true
        var afterComma = false
        while true {
            skipSpace()
            // A comma before the brace: Foundation's parser takes it, so this does too, and
            // writes strict JSON without it.
            if afterComma, current == UInt8(ascii: "}") { index += 1; break }
            let mark = output.count
            if !first { output.append(UInt8(ascii: ",")) }
            let keyStart = output.count
            try string(maskable: false)
            let key = Array(output[(keyStart + 1)..<(output.count - 1)])
            try expect(UInt8(ascii: ":"))
            output.append(UInt8(ascii: ":"))
            try value(depth: depth + 1)
            if Self.secretKeys.contains(key) { output.removeSubrange(mark...) } else { first = false }
            skipSpace()
            guard let byte = current else { throw Invalid() }
            index += 1
            if byte == UInt8(ascii: "}") { break }
            guard byte == UInt8(ascii: ",") else { throw Invalid() }
            afterComma = true
        }
        output.append(UInt8(ascii: "}"))
    }

    private mutating func array(depth: Int) throws {
        index += 1
        output.append(UInt8(ascii: "["))
        skipSpace()
        if current == UInt8(ascii: "]") { index += 1; output.append(UInt8(ascii: "]")); return }
        while true {
            try value(depth: depth + 1)
            skipSpace()
            guard let byte = current else { throw Invalid() }
            index += 1
            if byte == UInt8(ascii: "]") { break }
            guard byte == UInt8(ascii: ",") else { throw Invalid() }
            skipSpace()
            // A comma before the bracket, as for objects: taken, and not written.
            if current == UInt8(ascii: "]") { index += 1; break }
            output.append(byte)
        }
        output.append(UInt8(ascii: "]"))
    }

    /// A string as written; an ID or phone number (never written with escapes) is masked.
    private mutating func string(maskable: Bool) throws {
        guard current == UInt8(ascii: "\"") else { throw Invalid() }
        let start = index + 1
        index += 1
        var escaped = false
        while true {
            guard let byte = current else { throw Invalid() }
            if byte < 0x20 { throw Invalid() }
            index += 1
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                guard let next = current, Self.escapable.contains(next) else { throw Invalid() }
                escaped = true
                index += 1
                if next == UInt8(ascii: "u") { try unicodeEscape() }
            }
        }
        let raw = UnsafeRawBufferPointer(rebasing: input[start..<(index - 1)])
        output.append(UInt8(ascii: "\""))
        if maskable, masking, !escaped {
            RecordRedaction.appendMasked(raw, to: &output)
        } else {
            output.append(contentsOf: raw)
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func literal(_ word: StaticString) throws {
        let bytes = UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard index + bytes.count <= input.count, input[index..<(index + bytes.count)].elementsEqual(bytes) else { throw Invalid() }
        output.append(contentsOf: bytes)
        index += bytes.count
    }

    /// A number exactly as JSON has it (RFC 8259 section 6): -? (0 | [1-9][0-9]*), then an
    /// optional fraction and exponent, each with at least one digit, within a Double's range.
    private mutating func number() throws {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, Self.isDigit(first) else { throw Invalid() }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if current == UInt8(ascii: ".") {
            index += 1
            guard try digitsFollow() else { throw Invalid() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard try digitsFollow() else { throw Invalid() }
        }
        // A number past a Double's range is refused, as Foundation's parser refuses it:
        // no reader of the dump could hold it.
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: input[start..<index]), as: UTF8.self)
        guard Double(text)?.isFinite == true else { throw Invalid() }
        output.append(contentsOf: input[start..<index])
    }

    private mutating func digitsFollow() throws -> Bool {
        guard let byte = current, Self.isDigit(byte) else { return false }
        skipDigits()
        return true
    }

    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) { index += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func hexValue(_ byte: UInt8) -> UInt16? {
        switch byte {
        case 0x30...0x39: return UInt16(byte - 0x30)
        case 0x41...0x46: return UInt16(byte - 0x41 + 10)
        case 0x61...0x66: return UInt16(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// The four hex digits after a \u.
    private mutating func codeUnit() throws -> UInt16 {
        guard index + 4 <= input.count else { throw Invalid() }
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexValue(input[index]) else { throw Invalid() }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// After \u: four hex digits, and a surrogate only as half of a pair, so what is
    /// accepted is text (a lone surrogate is no character, and JSON parsers refuse it).
    private mutating func unicodeEscape() throws {
        let unit = try codeUnit()
        if (0xDC00...0xDFFF).contains(unit) { throw Invalid() }
        guard (0xD800...0xDBFF).contains(unit) else { return }
        guard index + 2 <= input.count, input[index] == UInt8(ascii: "\\"), input[index + 1] == UInt8(ascii: "u") else { throw Invalid() }
        index += 2
        guard (0xDC00...0xDFFF).contains(try codeUnit()) else { throw Invalid() }
    }
}
