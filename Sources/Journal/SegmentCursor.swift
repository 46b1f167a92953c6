import SystemPackage

/// Walks the frames of one segment file in order, reading ahead in a window.
/// It validates each frame (checksum, length, type, sequence) and stops at the first
/// frame that is not a valid record, saying what it found there.
struct SegmentCursor {
    enum Step: Equatable {
        case record(RecordFrame.Header, payloadOffset: Int64)
        /// A seal: the writer rolled, and the journal continues in the segment named `next`.
        case sealed(next: UInt64)
        /// Zeros (or the end of the file) where the next header would be: the tail, for now.
        case zeroTail
        /// Bytes that are not a valid frame: a torn tail or corruption; `TailAnalysis` decides.
        case invalid(reason: String)
        /// A frame with a valid checksum but the wrong sequence number: always corruption.
        case outOfSequence(found: UInt64)
    }

    /// Record type 0xFFFF is the journal's own: the seal written into a full segment.
    static let sealType: UInt16 = 0xFFFF

    let io: any FileIO
    let file: FileDescriptor
    let path: FilePath
    let firstSequence: UInt64
    var offset: Int64
    var expected: UInt64
    var readAhead: Int
    /// The last record this cursor moved past: a place a later reader may start from.
    var lastFrame: JournalPlace?

    /// Buffered bytes of the file from `windowStart`; only the first `windowLength` are valid.
    /// The buffer is reused between reads, so a writer's per-append look allocates nothing.
    private var window: [UInt8] = []
    private var windowLength = 0
    private var windowStart: Int64 = 0

    init(io: any FileIO, file: FileDescriptor, path: FilePath, firstSequence: UInt64,
         offset: Int64 = Int64(SegmentHeader.size), expected: UInt64? = nil, readAhead: Int = 1 << 20) {
        self.io = io
        self.file = file
        self.path = path
        self.firstSequence = firstSequence
        self.offset = offset
        self.expected = expected ?? firstSequence
        self.readAhead = readAhead
    }

    var name: String { path.lastComponent?.string ?? path.string }

    /// Forgets buffered bytes, so the next step sees what other processes wrote since.
    mutating func invalidate() {
        windowLength = 0
    }

    /// Looks at the frame at `offset` without moving past it.
    mutating func peek() throws -> Step {
        let headerSize = RecordFrame.headerSize
        guard try ensure(offset, count: headerSize) else {
            return try bytesBeyondWindowAreZero() ? .zeroTail : .invalid(reason: "truncated record header")
        }
        let local = Int(offset - windowStart)
        let (header, headerIsZero) = window.withUnsafeBytes { bytes in
            (RecordFrame.peekHeader(bytes, at: local),
             bytes[local..<(local + headerSize)].allSatisfy { $0 == 0 })
        }
        if headerIsZero { return .zeroTail }
        guard header.length <= RecordFrame.maxPayload else {
            return .invalid(reason: "bad record length \(header.length)")
        }
        guard try ensure(offset, count: headerSize + header.length) else {
            return .invalid(reason: "record of length \(header.length) runs past the end of the segment")
        }
        let frameStart = Int(offset - windowStart)
        let valid = window.withUnsafeBytes {
            RecordFrame.checksumMatches($0, at: frameStart, length: header.length)
        }
        guard valid else { return .invalid(reason: "checksum mismatch") }
        guard header.type != 0 else { return .invalid(reason: "record type 0") }
        guard header.sequence == expected else { return .outOfSequence(found: header.sequence) }
        if header.type == Self.sealType { return .sealed(next: header.sequence) }
        return .record(header, payloadOffset: offset + Int64(headerSize))
    }

    /// Moves past the record `peek` just returned.
    mutating func advance(over header: RecordFrame.Header) {
        lastFrame = JournalPlace(sequence: header.sequence, segment: firstSequence, offset: offset)
        offset += Int64(RecordFrame.headerSize + header.length)
        expected += 1
    }

    /// Visits, in order, every record that lies wholly inside the buffered window and ends
    /// at or before `limit`, skipping those before sequence `from`; returns how many it
    /// visited. It stops at the first frame that is anything but a plain valid record, and
    /// leaves it for `peek` to name. Replay's fast path: one loop over the window's bytes,
    /// instead of a step (and a copy of this cursor) per record.
    mutating func visitBuffered(endingBy limit: Int64, from: UInt64,
                                _ body: (RecordFrame.Header, JournalPlace, UnsafeRawBufferPointer) throws -> Void) rethrows -> Int {
        let headerSize = RecordFrame.headerSize
        let end = min(windowLength, Int(clamping: limit - windowStart))
        var local = Int(offset - windowStart)
        guard local >= 0 else { return 0 }
        var visited = 0
        var expected = self.expected
        var lastStart: Int?
        defer {
            self.offset = windowStart + Int64(local)
            self.expected = expected
            if let lastStart {
                lastFrame = JournalPlace(sequence: expected - 1, segment: firstSequence, offset: windowStart + Int64(lastStart))
            }
        }
        try window.withUnsafeBytes { bytes in
            while local + headerSize <= end {
                let header = RecordFrame.peekHeader(bytes, at: local)
                guard header.length <= RecordFrame.maxPayload, local + headerSize + header.length <= end,
                      header.type != 0, header.type != Self.sealType, header.sequence == expected,
                      RecordFrame.checksumMatches(bytes, at: local, length: header.length) else { return }
                let payloadStart = local + headerSize
                lastStart = local
                local = payloadStart + header.length
                expected += 1
                guard header.sequence >= from else { continue }
                visited += 1
                let place = JournalPlace(sequence: header.sequence, segment: firstSequence, offset: windowStart + Int64(lastStart!))
                try body(header, place, UnsafeRawBufferPointer(rebasing: bytes[payloadStart..<local]))
            }
        }
        return visited
    }

    /// Calls `body` with the payload bytes in place, without copying them.
    func withPayload<T>(of header: RecordFrame.Header, at payloadOffset: Int64,
                        _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let start = Int(payloadOffset - windowStart)
        return try window.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<(start + header.length)])) }
    }

    /// Makes `count` bytes from `position` available in the window; false at end of file.
    private mutating func ensure(_ position: Int64, count: Int) throws -> Bool {
        if position >= windowStart, position + Int64(count) <= windowStart + Int64(windowLength) {
            return true
        }
        // A length from a damaged header may say 16 MiB: check the file before allocating.
        if count > readAhead, try position + Int64(count) > performing("stat", on: path, { try io.size(file) }) {
            return false
        }
        let wanted = max(count, readAhead)
        if window.count != wanted { window = [UInt8](repeating: 0, count: wanted) }
        windowLength = 0
        var buffer = window
        window = []
        defer { window = buffer }
        windowLength = try performing("read", on: path) {
            try buffer.withUnsafeMutableBytes { try io.readFully(file, into: $0, at: position) }
        }
        windowStart = position
        return windowLength >= count
    }

    /// After a short header read at end of file: only zeros means a clean (short) end.
    private func bytesBeyondWindowAreZero() throws -> Bool {
        let local = Int(offset - windowStart)
        guard local >= 0, local <= windowLength else { return true }
        return window[local..<windowLength].allSatisfy { $0 == 0 }
    }
}

extension SegmentCursor {
    /// The error for a well-formed frame carrying the wrong sequence number here.
    func outOfSequence(_ found: UInt64) -> JournalError {
        .corruption(segment: name, offset: offset, reason: "sequence number \(found) where \(expected) was expected")
    }

    /// The error for bytes here that are not a record while a valid record follows them.
    func invalidBeforeValid(_ reason: String?, validFrameAt position: Int64, sequence: UInt64) -> JournalError {
        .corruption(segment: name, offset: offset,
                    reason: "\(reason ?? "zeroed record") followed by a valid record (sequence \(sequence)) at offset \(position)")
    }
}
