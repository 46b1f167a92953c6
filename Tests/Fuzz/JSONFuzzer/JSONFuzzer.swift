import CardStore
import FuzzSupport
import Foundation

/// `journal dump`'s JSON rewriter against Foundation's JSONSerialization on the same
/// bytes: both accept or both refuse, and what the rewriter writes parses back to the
/// same value (masking off, secrets aside). Inputs JSONSerialization reads as another
/// encoding than UTF-8 (a byte-order mark, NUL bytes), or nested past the rewriter's
/// limit, are not compared: the journal's payloads are UTF-8, and deeper ones are refused.
/// And `EnvelopeKindScanner` against JSONDecoder (`scanKind`).
@main enum JSONFuzzer: FuzzTarget {
    static func fuzz(_ bytes: [UInt8]) {
        let rewritten = bytes.withUnsafeBytes { RedactedJSON.rewrite($0, masking: false) }
        _ = bytes.withUnsafeBytes { RedactedJSON.rewrite($0, masking: true) }
        scanKind(bytes)
        guard comparable(bytes) else { return }
        let foundation = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        precondition((rewritten != nil) == (foundation != nil),
                     "RedactedJSON \(rewritten == nil ? "refused" : "accepted") what JSONSerialization \(foundation == nil ? "refused" : "accepted")")
        guard let rewritten else { return }
        let again = try? JSONSerialization.jsonObject(with: Data(rewritten.utf8), options: [.fragmentsAllowed])
        precondition(again != nil, "what RedactedJSON wrote does not parse")
        if !bytes.contains(where: { $0 == UInt8(ascii: "\"") }) || !containsSecretKey(bytes) {
            precondition(NSObject.isEqual(again, foundation), "what RedactedJSON wrote is another value")
        }
    }

    private struct KindOnly: Decodable { var kind: String }

    /// A replay's kind without decoding: whenever JSONDecoder reads a top-level kind, the
    /// scanner reads the same one or none (then EventCodec asks JSONDecoder).
    static func scanKind(_ bytes: [UInt8]) {
        let scanned = bytes.withUnsafeBytes { EnvelopeKindScanner.kind($0) }
        guard let scanned, let decoded = try? JSONDecoder().decode(KindOnly.self, from: Data(bytes)) else { return }
        precondition(scanned == decoded.kind, "the scanner read the kind \(scanned), JSONDecoder \(decoded.kind)")
    }

    static func comparable(_ bytes: [UInt8]) -> Bool {
        guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else { return false }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return false }
        var depth = 0, deepest = 0
        for byte in bytes {
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1; deepest = max(deepest, depth) }
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { depth -= 1 }
        }
        return deepest < 200
    }

    static func containsSecretKey(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return RecordRedaction.secretKeys.contains { text.contains($0) }
    }
}

extension NSObject {
    static func isEqual(_ left: Any?, _ right: Any?) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        case (let left as NSObject, let right as NSObject): return left.isEqual(right)
        default: return false
        }
    }
}
