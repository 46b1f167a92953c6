import Crypto
import Journal

/// The hash chain over a PostgreSQL journal: each record's hash is SHA-256 over the one
/// before it, its position, type, timestamp and payload, so a record changed, removed or
/// moved in the table (by someone with the triggers off) breaks every hash after it.
enum JournalChain {
    static let start: [UInt8] = []

    static func hash(after previous: [UInt8], _ record: JournalRecord) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        var fixed: [UInt8] = []
        withUnsafeBytes(of: record.sequence.bigEndian) { fixed += $0 }
        withUnsafeBytes(of: record.type.bigEndian) { fixed += $0 }
        withUnsafeBytes(of: record.timestamp.bigEndian) { fixed += $0 }
        hasher.update(data: fixed)
        hasher.update(data: record.payload)
        return Array(hasher.finalize())
    }

    /// The stored CRC of a payload: masked as the segment journal's frames are.
    static func crc(_ payload: [UInt8]) -> Int64 { Int64(CRC32C.mask(CRC32C.checksum(payload))) }
}
