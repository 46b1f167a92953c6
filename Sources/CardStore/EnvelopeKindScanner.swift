import Glibc

/// Reads an event envelope's top-level `"kind"` without decoding the envelope: a walk over
/// the object's bytes that skips every other value whole (strings with their escapes,
/// nested objects and arrays). A replay asks every record its kind, and JSONDecoder parses
/// the whole record into a map to answer; at a million records that was a sixth of a
/// new site's first start.
///
/// It answers nil whenever it is not sure: not an object, a key or the kind written with
/// escapes, the kind twice, a kind that is not a plain string, bytes that end too soon.
/// The caller then asks JSONDecoder. It does not validate what it skips, so a record that
/// is not JSON after its kind may still be given one: a record read this way is either
/// skipped (of a kind the reader has no use for) or decoded in full, which refuses it.
public struct EnvelopeKindScanner {
    private let bytes: UnsafeRawBufferPointer
    private var at = 0

    public static func kind(_ payload: UnsafeRawBufferPointer) -> String? {
        var scanner = EnvelopeKindScanner(bytes: payload)
        return scanner.topLevelKind()
    }

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
    private static let kindKey = Array("kind".utf8)

    private mutating func topLevelKind() -> String? {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        var kind: String?
        skipSpace()
        if take(UInt8(ascii: "}")) { return nil }
        while true {
            skipSpace()
            guard let key = plainString() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            if key.elementsEqual(Self.kindKey) {
                guard kind == nil, let value = plainString(),
                      let text = String(validating: value, as: UTF8.self) else { return nil }
                kind = text
            } else {
                guard skipValue() else { return nil }
            }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { return nil }
            return kind
        }
    }

    /// A string without escapes (its bytes between the quotes), or nil.
    private mutating func plainString() -> UnsafeRawBufferPointer.SubSequence? {
        guard take(Self.quote) else { return nil }
        let start = at
        while at < bytes.count {
            let byte = bytes[at]
            if byte == Self.backslash || byte < 0x20 { return nil }
            if byte == Self.quote {
                at += 1
                return bytes[start..<(at - 1)]
            }
            at += 1
        }
        return nil
    }

    /// Steps over one value of any kind; nested brackets are counted, never recursed into.
    private mutating func skipValue() -> Bool {
        var depth = 0
        while at < bytes.count {
            let byte = bytes[at]
            switch byte {
            case Self.quote:
                guard skipString() else { return false }
                if depth == 0 { return true }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return true }   // the end of the object holding a scalar
                depth -= 1
                if depth == 0 {
                    at += 1
                    return true
                }
            case UInt8(ascii: ","):
                if depth == 0 { return true }
            default:
                break
            }
            at += 1
        }
        return false
    }

    /// Steps over a string, escapes and all. memchr finds each quote (names and addresses
    /// are most of a record's bytes); a quote after an odd run of backslashes is escaped.
    private mutating func skipString() -> Bool {
        at += 1
        guard let base = bytes.baseAddress else { return false }
        while at < bytes.count {
            guard let hit = memchr(base + at, Int32(Self.quote), bytes.count - at) else { return false }
            let quote = base.distance(to: UnsafeRawPointer(hit))
            var backslashes = 0
            while quote - backslashes - 1 >= at, bytes[quote - backslashes - 1] == Self.backslash { backslashes += 1 }
            at = quote + 1
            if backslashes % 2 == 0 { return true }
        }
        return false
    }

    private mutating func skipSpace() {
        while at < bytes.count {
            let byte = bytes[at]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            at += 1
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard at < bytes.count, bytes[at] == byte else { return false }
        at += 1
        return true
    }
}
