import SystemPackage

/// Decides what lies after the last valid record of a segment, from that offset to the
/// end of the file. This is the one place that tells a torn tail from corruption:
/// - only zeros: a clean end (segments are preallocated, so zeros are the normal tail);
/// - non-zero bytes, but no valid frame starts anywhere in them: a torn tail, the
///   remains of an append that never completed, which recovery may cut;
/// - a valid frame further on: corruption in the middle, which is never skipped.
enum TailAnalysis: Equatable {
    case clean
    case torn(end: Int64)
    case corrupt(validFrameAt: Int64, sequence: UInt64)

    static func analyse(io: any FileIO, file: FileDescriptor, path: FilePath,
                        from start: Int64, expected: UInt64) throws -> TailAnalysis {
        let size = try performing("stat", on: path) { try io.size(file) }
        guard size > start else { return .clean }
        let bytes = try performing("read", on: path) { try io.readBytes(file, count: Int(size - start), at: start) }
        return bytes.withUnsafeBytes { raw in
            guard let lastNonZero = lastNonZeroIndex(raw) else { return .clean }
            if let (position, sequence) = firstValidFrame(raw, after: 0, upTo: lastNonZero, expected: expected) {
                return .corrupt(validFrameAt: start + Int64(position), sequence: sequence)
            }
            return .torn(end: start + Int64(lastNonZero) + 1)
        }
    }

    static func lastNonZeroIndex(_ raw: UnsafeRawBufferPointer) -> Int? {
        var index = raw.count
        while index >= 8 {
            if raw.loadUnaligned(fromByteOffset: index - 8, as: UInt64.self) != 0 { break }
            index -= 8
        }
        while index > 0 {
            if raw[index - 1] != 0 { return index - 1 }
            index -= 1
        }
        return nil
    }

    /// The first position after `after` where a frame with a valid checksum and a sequence
    /// number at or past `expected` starts. Cheap field checks come before the CRC.
    static func firstValidFrame(_ raw: UnsafeRawBufferPointer, after: Int, upTo last: Int,
                                expected: UInt64) -> (Int, UInt64)? {
        let headerSize = RecordFrame.headerSize
        var position = after + 1
        while position <= last, position + headerSize <= raw.count {
            let header = RecordFrame.peekHeader(raw, at: position)
            if header.type != 0, header.length <= RecordFrame.maxPayload,
               position + headerSize + header.length <= raw.count,
               header.sequence >= expected, header.sequence - expected < (1 << 40),
               RecordFrame.checksumMatches(raw, at: position, length: header.length) {
                return (position, header.sequence)
            }
            position += 1
        }
        return nil
    }
}
