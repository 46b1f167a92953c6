import Foundation
import Journal

/// One batch as `sscard_append`'s parameters: ids made before the first try (so a retry
/// after a lost connection finds the batch by them), the hash chain from the head it was
/// decided at, and the arrays in PostgreSQL's text form.
struct PostgresBatch {
    let ids: [String]
    let parameters: [String?]
    /// The batch's last record's hash: the head's once it is appended.
    let lastHash: [UInt8]
    let lastTimestamp: Int64
    /// Where the batch's last record goes, when appended on the head it was decided at.
    let lastPosition: UInt64

    init(_ entries: [JournalEntry], after head: (position: UInt64, hash: [UInt8])) {
        ids = entries.map { _ in UUID().uuidString.lowercased() }
        lastPosition = head.position + UInt64(entries.count)
        let now = JournalOptions.wallClock()
        var hashes: [[UInt8]] = []
        var previous = head.hash
        var stamps: [Int64] = []
        for (offset, entry) in entries.enumerated() {
            let stamp = entry.timestamp ?? now
            let record = JournalRecord(sequence: head.position + UInt64(offset) + 1, type: entry.type, timestamp: stamp, payload: entry.payload)
            previous = JournalChain.hash(after: previous, record)
            hashes.append(previous)
            stamps.append(stamp)
        }
        lastHash = previous
        lastTimestamp = stamps.last ?? now
        parameters = [
            String(head.position),
            "{" + ids.joined(separator: ",") + "}",
            "{" + entries.map { String($0.type) }.joined(separator: ",") + "}",
            Self.byteaArray(entries.map(\.payload)),
            "{" + entries.map { String(JournalChain.crc($0.payload)) }.joined(separator: ",") + "}",
            Self.byteaArray(hashes),
            "{" + stamps.map(String.init).joined(separator: ",") + "}",
        ]
    }

    /// `{"\\x0a0b",…}`: each element quoted, its backslash escaped, in bytea's hex form.
    static func byteaArray(_ values: [[UInt8]]) -> String {
        var text: [UInt8] = [UInt8(ascii: "{")]
        text.reserveCapacity(values.reduce(2) { $0 + $1.count * 2 + 6 })
        for (index, value) in values.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            text += Array(#""\\x"#.utf8)
            appendHex(value, to: &text)
            text.append(UInt8(ascii: "\""))
        }
        text.append(UInt8(ascii: "}"))
        return String(decoding: text, as: UTF8.self)
    }

    /// `\x0a0b`: one bytea value in its hex form, as a text parameter.
    static func bytea(_ value: [UInt8]) -> String {
        var text = Array(#"\x"#.utf8)
        text.reserveCapacity(value.count * 2 + 2)
        appendHex(value, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private static func appendHex(_ value: [UInt8], to text: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        for byte in value {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
    }
}
