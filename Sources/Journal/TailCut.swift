import SystemPackage

/// A torn tail that recovery cut: which segment, where, how many bytes, and the file
/// beside the segment that keeps them. Nothing is ever discarded without such a copy.
public struct TailCut: Equatable, Sendable, CustomStringConvertible {
    public var segment: String
    public var offset: Int64
    public var length: Int64
    public var savedTo: String

    public var description: String {
        "cut a torn tail of \(length) bytes at offset \(offset) of segment \(segment); saved to \(savedTo)"
    }

    /// Copies `[offset, end)` of the segment into `<segment>.torn-<offset>` (synced), then
    /// overwrites that range with zeros (synced), so the segment ends cleanly at `offset`.
    /// Zeroing rather than truncating keeps the segment's preallocated space.
    static func cut(io: any FileIO, directory: FilePath, file: FileDescriptor, segmentName: String,
                    from offset: Int64, to end: Int64) throws -> TailCut {
        let segmentPath = directory.appending(segmentName)
        var savedName = "\(segmentName).torn-\(offset)"
        var attempt = 1
        while io.exists(directory.appending(savedName)) {
            attempt += 1
            savedName = "\(segmentName).torn-\(offset)-\(attempt)"
        }
        let savedPath = directory.appending(savedName)
        let saved = try performing("create", on: savedPath) { try io.openFile(savedPath, create: true, writable: true) }
        defer { io.close(saved) }
        // Copied in bounded pieces: a torn region may be as large as the segment.
        var copied: Int64 = 0
        while copied < end - offset {
            let piece = try performing("read", on: segmentPath) {
                try io.readBytes(file, count: Int(min(1 << 20, end - offset - copied)), at: offset + copied)
            }
            guard !piece.isEmpty else { break }
            try performing("write", on: savedPath) {
                try piece.withUnsafeBytes { try io.writeAll(saved, $0, at: copied) }
            }
            copied += Int64(piece.count)
        }
        try performing("fsync", on: savedPath) { try io.syncAll(saved) }
        try performing("fsync", on: directory) { try io.syncDirectory(directory) }

        let zeros = [UInt8](repeating: 0, count: Int(min(end - offset, 1 << 20)))
        var position = offset
        while position < end {
            let count = Int(min(Int64(zeros.count), end - position))
            try performing("write", on: segmentPath) {
                try zeros.withUnsafeBytes { try io.writeAll(file, UnsafeRawBufferPointer(rebasing: $0[0..<count]), at: position) }
            }
            position += Int64(count)
        }
        try performing("fdatasync", on: segmentPath) { try io.syncData(file) }
        return TailCut(segment: segmentName, offset: offset, length: end - offset, savedTo: savedName)
    }
}
