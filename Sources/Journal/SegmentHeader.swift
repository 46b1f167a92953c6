/// The 32-byte header at the start of every segment file:
///
///     0  8 bytes  magic "SSCJRNL1"
///     8  u32      format version (1)
///    12  u32      header size (32)
///    16  u64      sequence number of the first record in this segment
///    24  u32      reserved (0)
///    28  u32      masked CRC32C of bytes 0..<28
///
/// Segment files are named after their first sequence number, zero-padded to 20 digits,
/// so a sorted directory listing is the journal in order.
public struct SegmentHeader: Equatable, Sendable {
    public static let size = 32
    static let magic: [UInt8] = Array("SSCJRNL1".utf8)
    static let version: UInt32 = 1
    static let fileExtension = ".seg"

    public var firstSequence: UInt64

    public init(firstSequence: UInt64) {
        self.firstSequence = firstSequence
    }

    public func encoded() -> [UInt8] {
        var bytes = Self.magic
        RecordFrame.appendLittleEndian(Self.version, to: &bytes)
        RecordFrame.appendLittleEndian(UInt32(Self.size), to: &bytes)
        RecordFrame.appendLittleEndian(firstSequence, to: &bytes)
        RecordFrame.appendLittleEndian(UInt32(0), to: &bytes)
        RecordFrame.appendLittleEndian(CRC32C.mask(CRC32C.checksum(bytes)), to: &bytes)
        return bytes
    }

    /// Decodes a header, or says why it is not one.
    public static func decode(_ bytes: [UInt8]) -> Result<SegmentHeader, HeaderProblem> {
        guard bytes.count >= size else { return .failure(.truncated) }
        guard Array(bytes[0..<8]) == magic else { return .failure(.badMagic) }
        return bytes.withUnsafeBytes { raw in
            let stored = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
            guard CRC32C.unmask(stored) == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[0..<28])) else {
                return .failure(.checksumMismatch)
            }
            let version = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
            guard version == Self.version else { return .failure(.unsupportedVersion(version)) }
            let first = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
            return .success(SegmentHeader(firstSequence: first))
        }
    }

    public enum HeaderProblem: Error, Equatable, CustomStringConvertible {
        case truncated, badMagic, checksumMismatch, unsupportedVersion(UInt32)

        public var description: String {
            switch self {
            case .truncated: return "segment header is truncated"
            case .badMagic: return "segment header has the wrong magic bytes"
            case .checksumMismatch: return "segment header checksum mismatch"
            case .unsupportedVersion(let version): return "unsupported segment format version \(version)"
            }
        }
    }

    public static func fileName(firstSequence: UInt64) -> String {
        let digits = String(firstSequence)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + fileExtension
    }

    /// Sequence numbers stay far below the top of UInt64, so no sum of them can overflow.
    public static let maxSequence: UInt64 = 1 << 62

    /// The first sequence number a segment file name stands for, or nil for other files:
    /// exactly 20 ASCII digits and ".seg", naming a number from 1 to `maxSequence`.
    /// ("+000…1.seg" or "000…0.seg" are strays, not segments.)
    public static func firstSequence(fromFileName name: String) -> UInt64? {
        let bytes = Array(name.utf8)
        guard bytes.count == 20 + fileExtension.utf8.count, name.hasSuffix(fileExtension) else { return nil }
        var value: UInt64 = 0
        for byte in bytes[0..<20] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = times10 + UInt64(byte - UInt8(ascii: "0"))
        }
        guard value >= 1, value <= maxSequence else { return nil }
        return value
    }
}
