import CardDomain

/// Copies a JSON payload as it is, leaving out secret members and masking ID and phone
/// numbers (RecordRedaction's rules), without building objects: the dump of a district's
/// journal is millions of records. Anything that is not strict JSON (or not UTF-8) gives
/// nil, and the caller falls back to base64, so an outside journal cannot crash it.
struct RedactedJSON {
    private let input: UnsafeRawBufferPointer
    private let masking: Bool
    private var index = 0
    private var output: [UInt8] = []
    static let maximumDepth = 256
    static let secretKeys = RecordRedaction.secretKeys.map { Array($0.utf8) }
    static let escapable = Array("\"\\/bfnrtu".utf8)
    static let numberBytes = Array("0123456789+-.eE".utf8)

    static func rewrite(_ payload: UnsafeRawBufferPointer, masking: Bool) -> String? {
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
        case .some(let byte) where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): number()
        default: throw Invalid()
        }
    }

    private mutating func object(depth: Int) throws {
        index += 1
        output.append(UInt8(ascii: "{"))
        skipSpace()
        if current == UInt8(ascii: "}") { index += 1; output.append(UInt8(ascii: "}")); return }
        var first = true
        while true {
            skipSpace()
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
            output.append(byte)
            if byte == UInt8(ascii: "]") { return }
            guard byte == UInt8(ascii: ",") else { throw Invalid() }
        }
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

    private mutating func number() {
        while let byte = current, Self.numberBytes.contains(byte) {
            output.append(byte)
            index += 1
        }
    }
}
