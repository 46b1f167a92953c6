/// The on-disk frame of one record. Little-endian, 28-byte header, then the payload:
///
///     0  u32  masked CRC32C of bytes 4..<28 and the payload
///     4  u32  payload length
///     8  u64  sequence number (gap-free, from 1)
///    16  i64  append time, microseconds since the Unix epoch
///    24  u16  record type (0 is reserved: a zeroed region is never a record)
///    26  u16  flags: bit 0 set when more records of the same append follow
///
/// One append (a batch) is recorded whole or not at all: its records lie in one segment,
/// and every one but the last carries the "continues" flag, so recovery and readers know a
/// batch whose last record never arrived, and neither keeps nor serves any of it.
///
/// The CRC covers the whole header after itself, so a bad length, sequence number or
/// type is caught as surely as a flipped payload bit. It is masked (see `CRC32C.mask`),
/// so an all-zero header never validates.
public enum RecordFrame {
    public static let headerSize = 28
    /// Records larger than this are refused; a payload is one event, not a file.
    public static let maxPayload = 16 << 20
    /// Flag bit: this record's append goes on in the next record.
    public static let continuesBatch: UInt16 = 1

    public struct Header: Equatable, Sendable {
        public var length: Int
        public var sequence: UInt64
        public var timestamp: Int64
        public var type: UInt16
        public var flags: UInt16 = 0

        /// Whether the append this record belongs to ends with it.
        public var endsBatch: Bool { flags & RecordFrame.continuesBatch == 0 }
    }

    /// Appends one encoded frame to `buffer`.
    public static func encode(
        sequence: UInt64, timestamp: Int64, type: UInt16,
        payload: UnsafeRawBufferPointer, flags: UInt16 = 0, into buffer: inout [UInt8]
    ) {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: 4))
        appendLittleEndian(UInt32(payload.count), to: &buffer)
        appendLittleEndian(sequence, to: &buffer)
        appendLittleEndian(UInt64(bitPattern: timestamp), to: &buffer)
        appendLittleEndian(type, to: &buffer)
        appendLittleEndian(flags, to: &buffer)
        buffer.append(contentsOf: payload)
        let crc = buffer.withUnsafeBytes { bytes in
            CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[(start + 4)...]))
        }
        let masked = CRC32C.mask(crc)
        for index in 0..<4 { buffer[start + index] = UInt8(truncatingIfNeeded: masked >> (8 * index)) }
    }

    /// Reads the header fields at `offset` without checking them.
    static func peekHeader(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Header {
        Header(
            length: Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))),
            sequence: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)),
            timestamp: Int64(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))),
            type: UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt16.self)),
            flags: UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 26, as: UInt16.self)))
    }

    /// Whether the frame at `offset` (header and payload, all inside `bytes`) has a valid CRC.
    static func checksumMatches(_ bytes: UnsafeRawBufferPointer, at offset: Int, length: Int) -> Bool {
        let stored = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        let covered = UnsafeRawBufferPointer(rebasing: bytes[(offset + 4)..<(offset + headerSize + length)])
        return CRC32C.unmask(stored) == CRC32C.checksum(covered)
    }

    static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to buffer: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }
}
