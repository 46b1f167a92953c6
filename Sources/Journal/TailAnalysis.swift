import SystemPackage

/// Decides what lies after the last valid record of a segment, from that offset to the
/// end of the file. This is the one place that tells a torn tail from corruption:
/// - only zeros: a clean end (segments are preallocated, so zeros are the normal tail);
/// - non-zero bytes, but no valid frame starts anywhere in them: a torn tail, the
///   remains of an append that never completed, which recovery may cut;
/// - a valid frame further on: corruption in the middle, which is never skipped.
///
/// It reads in bounded chunks and skips holes, so a sparse segment grown to 64 GiB costs
/// neither a 64 GiB allocation nor a 64 GiB read.
enum TailAnalysis: Equatable {
    case clean
    case torn(end: Int64)
    case corrupt(validFrameAt: Int64, sequence: UInt64)

    static let chunkSize = 1 << 20

    static func analyse(io: any FileIO, file: FileDescriptor, path: FilePath,
                        from start: Int64, expected: UInt64) throws -> TailAnalysis {
        let size = try performing("stat", on: path) { try io.size(file) }
        guard size > start else { return .clean }
        let headerSize = RecordFrame.headerSize
        var lastNonZero: Int64?
        var chunkStart = start
        var buffer = [UInt8](repeating: 0, count: Int(min(Int64(chunkSize + headerSize), size - start)))
        while chunkStart < size {
            guard let data = try performing("seek", on: path, { try io.nextData(file, from: chunkStart) }) else { break }
            // A header may begin in the hole just before the data.
            chunkStart = max(chunkStart, data - Int64(headerSize))
            guard chunkStart < size else { break }
            let count = try performing("read", on: path) {
                try buffer.withUnsafeMutableBytes {
                    try io.readFully(file, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<Int(min(Int64($0.count), size - chunkStart))]),
                                     at: chunkStart)
                }
            }
            guard count > 0 else { break }
            let found = try buffer.withUnsafeBytes { raw -> (Int, UInt64)? in
                let chunk = UnsafeRawBufferPointer(rebasing: raw[0..<count])
                if let last = lastNonZeroIndex(chunk) { lastNonZero = chunkStart + Int64(last) }
                let firstCandidate = chunkStart == start ? 1 : 0
                return try firstValidFrame(chunk, from: firstCandidate, expected: expected) { position, length in
                    // A frame that would run past the end of the file is no frame: never read it.
                    let offset = chunkStart + Int64(position)
                    guard offset + Int64(headerSize + length) <= size else { return false }
                    return try frameIsValid(io: io, file: file, path: path, at: offset, length: length)
                }
            }
            if let (position, sequence) = found {
                return .corrupt(validFrameAt: chunkStart + Int64(position), sequence: sequence)
            }
            // Candidates were tried up to count - headerSize; the next chunk starts just after.
            chunkStart += Int64(max(1, count - headerSize + 1))
        }
        guard let lastNonZero else { return .clean }
        return .torn(end: lastNonZero + 1)
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

    /// The first position at or after `from` where a frame header with a valid checksum
    /// and a sequence number at or past `expected` starts. Cheap field checks come first;
    /// runs of zeros are skipped a word at a time (a header's type bytes are never zero).
    /// A frame longer than `raw` is checked by `checkLong`, which reads it from the file.
    static func firstValidFrame(_ raw: UnsafeRawBufferPointer, from: Int, expected: UInt64,
                                checkLong: (_ position: Int, _ length: Int) throws -> Bool) rethrows -> (Int, UInt64)? {
        let headerSize = RecordFrame.headerSize
        var position = from
        while position + headerSize <= raw.count {
            guard let nonZero = nextNonZero(raw, from: position) else { return nil }
            position = max(position, nonZero - 25)
            guard position + headerSize <= raw.count else { return nil }
            let header = RecordFrame.peekHeader(raw, at: position)
            if header.type != 0, header.length <= RecordFrame.maxPayload,
               header.sequence >= expected, header.sequence - expected < (1 << 40) {
                let valid = position + headerSize + header.length <= raw.count
                    ? RecordFrame.checksumMatches(raw, at: position, length: header.length)
                    : try checkLong(position, header.length)
                if valid { return (position, header.sequence) }
            }
            position += 1
        }
        return nil
    }

    private static func nextNonZero(_ raw: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        while index + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) == 0 { index += 8 }
        while index < raw.count {
            if raw[index] != 0 { return index }
            index += 1
        }
        return nil
    }

    private static func frameIsValid(io: any FileIO, file: FileDescriptor, path: FilePath,
                                     at offset: Int64, length: Int) throws -> Bool {
        let frame = try performing("read", on: path) { try io.readBytes(file, count: RecordFrame.headerSize + length, at: offset) }
        guard frame.count == RecordFrame.headerSize + length else { return false }
        return frame.withUnsafeBytes { RecordFrame.checksumMatches($0, at: 0, length: length) }
    }
}
