import SystemPackage

/// Reads records in sequence order from a given sequence number, across segments.
/// It never writes and takes no lock. When it reaches the end it returns nil; a later
/// call returns whatever other processes have appended since, so tailing needs no reopen.
/// Corruption (a bad record followed by valid ones, a gap, a bad segment header) throws:
/// nothing after it is served.
public final class JournalReader {
    let io: any FileIO
    let segments: SegmentDirectory
    let from: UInt64
    var cursor: SegmentCursor?

    public init(directory: FilePath, from sequence: UInt64 = 1, io: any FileIO = SystemFileIO()) throws {
        self.io = io
        self.segments = SegmentDirectory(io: io, path: directory)
        self.from = max(sequence, 1)
    }

    deinit {
        if let cursor { io.close(cursor.file) }
    }

    /// The next record, or nil at the current end of the journal.
    public func next() throws -> JournalRecord? {
        var record: JournalRecord?
        _ = try step { cursor, header, payloadOffset in
            record = JournalRecord(sequence: header.sequence, type: header.type, timestamp: header.timestamp,
                                   payload: cursor.payload(of: header, at: payloadOffset))
        }
        return record
    }

    /// Calls `body` for every record up to the current end, with the payload in place
    /// (valid only during the call); returns how many it visited. The fast path for replay.
    @discardableResult
    public func forEach(_ body: (_ sequence: UInt64, _ type: UInt16, _ timestamp: Int64,
                                 _ payload: UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        var count = 0
        while try step({ cursor, header, payloadOffset in
            try cursor.withPayload(of: header, at: payloadOffset) {
                try body(header.sequence, header.type, header.timestamp, $0)
            }
        }) {
            count += 1
        }
        return count
    }

    /// Moves to the next record at or after `from` and hands it to `visit`; false at the end.
    private func step(_ visit: (SegmentCursor, RecordFrame.Header, Int64) throws -> Void) throws -> Bool {
        if cursor == nil {
            guard try openStartingSegment() else { return false }
        }
        while var current = cursor {
            switch try current.peek() {
            case .record(let header, let payloadOffset):
                current.advance(over: header)
                cursor = current
                if header.sequence < from { continue }
                try visit(current, header, payloadOffset)
                return true
            case .sealed(let next):
                try moveToSegment(next, from: current)
            case .outOfSequence(let found):
                throw current.outOfSequence(found)
            case let step:
                let nextPath = segments.segmentPath(current.expected)
                if io.exists(nextPath) {
                    try moveToSegment(current.expected, from: current)
                    continue
                }
                // Zeros are the normal tail of a preallocated segment; only non-zero bytes
                // that are not a record need the (costlier) look at what follows them.
                if case .invalid = step { try checkNothingValidFollows(current) }
                try checkNoGap(after: current)
                current.invalidate()
                cursor = current
                return false
            }
        }
        return false
    }

    private func openStartingSegment() throws -> Bool {
        let starts = try segments.segmentStarts()
        guard let first = starts.first else { return false }
        let start = starts.last(where: { $0 <= from }) ?? first
        if start == first, first != 1 {
            throw JournalError.corruption(segment: SegmentHeader.fileName(firstSequence: first), offset: 0,
                                          reason: "the journal starts at sequence \(first), records 1...\(first - 1) are missing")
        }
        cursor = try makeCursor(start)
        return true
    }

    private func moveToSegment(_ next: UInt64, from current: SegmentCursor) throws {
        guard io.exists(segments.segmentPath(next)) else {
            throw JournalError.corruption(segment: current.name, offset: current.offset,
                                          reason: "sealed, but the next segment \(SegmentHeader.fileName(firstSequence: next)) is missing")
        }
        let replacement = try makeCursor(next)
        io.close(current.file)
        cursor = replacement
    }

    private func makeCursor(_ first: UInt64) throws -> SegmentCursor {
        SegmentCursor(io: io, file: try segments.open(first, writable: false),
                      path: segments.segmentPath(first), firstSequence: first)
    }

    /// Bytes that are not a record at the tail are a write in progress or a torn tail,
    /// unless a valid record follows them: then it is corruption, and nothing is served.
    private func checkNothingValidFollows(_ current: SegmentCursor) throws {
        let analysis = try TailAnalysis.analyse(io: io, file: current.file, path: current.path,
                                                from: current.offset, expected: current.expected)
        if case .corrupt(let position, let sequence) = analysis {
            throw current.invalidBeforeValid("invalid record", validFrameAt: position, sequence: sequence)
        }
    }

    private func checkNoGap(after current: SegmentCursor) throws {
        if let later = try segments.segmentStarts().first(where: { $0 > current.expected }) {
            throw JournalError.corruption(segment: current.name, offset: current.offset,
                                          reason: "records from \(current.expected) are missing; the next segment starts at \(later)")
        }
    }
}
