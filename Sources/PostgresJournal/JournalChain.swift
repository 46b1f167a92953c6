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
        // Position, type and timestamp, big-endian, hashed from the stack: no array per record.
        withUnsafeBytes(of: record.sequence.bigEndian) { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: record.type.bigEndian) { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: record.timestamp.bigEndian) { hasher.update(bufferPointer: $0) }
        hasher.update(data: record.payload)
        return Array(hasher.finalize())
    }

    /// The stored CRC of a payload: masked as the segment journal's frames are.
    static func crc(_ payload: [UInt8]) -> Int64 { Int64(CRC32C.mask(CRC32C.checksum(payload))) }
}
