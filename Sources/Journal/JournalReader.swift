import SystemPackage

/// Reads records in sequence order from a given sequence number, across segments.
/// It never writes. When it reaches the end it returns nil; a later call returns whatever
/// other processes have appended since, so tailing needs no reopen.
///
/// It serves only acknowledged records. A segment followed by a later one was synced
/// before that one was created, so it is read freely. In the last segment the reader
/// learns, under a shared lock (see `ReaderLock`), where the records end: no writer is
/// then between its write and its sync, and a failed writer has voided what it wrote.
///
/// Corruption (a bad or zeroed record followed by valid ones, a gap, a bad segment
/// header) throws the error `JournalVerifier` reports: nothing after it is served.
public final class JournalReader {
    let io: any FileIO
    let segments: SegmentDirectory
    let directory: FilePath
    let from: UInt64
    let lock: ReaderLock
    /// Where to begin instead of the start of the first segment read (see `JournalPlace`).
    let hint: JournalPlace?
    var lockFile: FileDescriptor?
    var cursor: SegmentCursor?
    /// Bytes of the current segment known to hold only acknowledged records.
    var acknowledgedEnd: Int64 = 0
    /// An offset from which the current segment was found to hold only zeros; a tail
    /// that is still zeros there needs no second look.
    var cleanFrom: Int64?
    /// The segments as the last look under the lock listed them.
    var listedStarts: [UInt64] = []
    /// Read-ahead once at the end: a poll of an idle journal looks at one header, so it
    /// need not read a megabyte each time; records arriving later are small.
    static let tailReadAhead = 1 << 16

    public init(directory: FilePath, from sequence: UInt64 = 1, io: any FileIO = SystemFileIO(),
                lock: ReaderLock = .own, hint: JournalPlace? = nil) throws {
        self.io = io
        self.directory = directory
        self.segments = SegmentDirectory(io: io, path: directory)
        self.from = max(sequence, 1)
        self.lock = lock
        self.hint = hint
        try RecoveryMarker.refuseIfPresent(in: directory, io: io)
    }

    deinit {
        if let cursor { io.close(cursor.file) }
        if let lockFile { io.close(lockFile) }
    }

    /// The last record this reader moved past, as a hint for a later reader.
    public var lastPlace: JournalPlace? { cursor?.lastFrame }

    /// The next record, or nil at the current end of the journal.
    public func next() throws -> JournalRecord? {
        var record: JournalRecord?
        _ = try step { header, _, payload in
            record = JournalRecord(sequence: header.sequence, type: header.type, timestamp: header.timestamp,
                                   payload: Array(payload))
        }
        return record
    }

    /// Calls `body` for every record up to the current end, with the payload in place
    /// (valid only during the call); returns how many it visited. The fast path for replay.
    ///
    /// `stopAfterBatch`, asked after each record that ends a batch, ends the walk there when
    /// it answers true: a caller that must stay responsive (a clerk's screen while an import
    /// appends) takes the journal a slice at a time, and never stops inside a batch.
    @discardableResult
    public func forEach(stopAfterBatch: (() -> Bool)? = nil,
                        _ body: (_ sequence: UInt64, _ type: UInt16, _ timestamp: Int64,
                                 _ payload: UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        try forEachPlaced(stopAfterBatch: stopAfterBatch) { sequence, _, type, timestamp, payload in
            try body(sequence, type, timestamp, payload)
        }
    }

    /// As `forEach`, with each record's place, so a derived table can keep where a record
    /// lies and read it again alone (`JournalRecordLookup`).
    @discardableResult
    public func forEachPlaced(stopAfterBatch: (() -> Bool)? = nil,
                              _ body: (_ sequence: UInt64, _ place: JournalPlace?, _ type: UInt16, _ timestamp: Int64,
                                       _ payload: UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        // Counted here, not by `walk`: a stop thrown inside a buffered pass loses that pass's count.
        var count = 0, walked = 0
        let visit = { (header: RecordFrame.Header, place: JournalPlace, payload: UnsafeRawBufferPointer) throws in
            try body(header.sequence, place, header.type, header.timestamp, payload)
            count += 1
            if header.endsBatch, let stopAfterBatch, stopAfterBatch() { throw StopReading() }
        }
        do {
            try walk(visit, counting: &walked)
        } catch is StopReading {
            // The cursor is already past the record that ended the batch: the next call goes on from there.
        }
        return count
    }

    /// Each record with whether it ends its batch, until `body` returns false.
    public func forEachFrame(_ body: (_ record: JournalRecord, _ endsBatch: Bool) throws -> Bool) throws {
        var count = 0
        do {
            try walk({ header, _, payload in
                let record = JournalRecord(sequence: header.sequence, type: header.type, timestamp: header.timestamp, payload: Array(payload))
                if try !body(record, header.endsBatch) { throw StopReading() }
            }, counting: &count)
        } catch is StopReading {}
    }

    private struct StopReading: Error {}

    private func walk(_ visit: (RecordFrame.Header, JournalPlace, UnsafeRawBufferPointer) throws -> Void, counting count: inout Int) throws {
        while true {
            // Records already in the window go through one loop; `step` refills the window,
            // crosses segments and finds the end.
            if var current = cursor.take() {
                defer { cursor = current }
                count += try current.visitBuffered(endingBy: acknowledgedEnd, from: from, visit)
            }
            guard try step(visit) else { return }
            count += 1
        }
    }

    /// Moves to the next record at or after `from` and hands it to `visit`; false at the end.
    private func step(_ visit: (RecordFrame.Header, JournalPlace, UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        if cursor == nil {
            guard try openStartingSegment() else { return false }
        }
        // The cursor is moved out while a record is read and put back after: a copy per
        // record retains its file handle and window, and a window shared with a copy is
        // copied whole when it is refilled. The slower paths below use `cursor` itself.
        while var current = cursor.take() {
            let peeked: SegmentCursor.Step
            do {
                peeked = try current.peek()
            } catch {
                cursor = current
                throw error
            }
            if case .record(let header, let payloadOffset) = peeked,
               current.offset + Int64(RecordFrame.headerSize + header.length) <= acknowledgedEnd {
                current.advance(over: header)
                defer { cursor = current }
                if header.sequence < from { continue }
                let place = current.lastFrame!
                try current.withPayload(of: header, at: payloadOffset) { try visit(header, place, $0) }
                return true
            }
            cursor = current
            switch peeked {
            case .record(let header, _):
                try learnAcknowledgedEnd()
                if cursor!.offset + Int64(RecordFrame.headerSize + header.length) > acknowledgedEnd { return atEnd() }
            case .sealed(let next):
                try moveToSegment(next, from: cursor!)
            case .outOfSequence(let found):
                throw cursor!.outOfSequence(found)
            case .zeroTail, .invalid:
                if segments.nextSegmentExists(after: cursor!) {
                    // The writer rolled on and died before sealing this segment.
                    try moveToSegment(cursor!.expected, from: cursor!)
                    continue
                }
                if try settleEnd() { continue }
                return atEnd()
            }
        }
        return false
    }

    private func atEnd() -> Bool {
        cursor?.invalidate()
        cursor?.readAhead = Self.tailReadAhead
        return false
    }

    /// Under the shared lock: how far the current segment holds acknowledged records.
    private func learnAcknowledgedEnd() throws {
        try withSharedLock { _ = try walkAcknowledged() }
        cursor?.invalidate()
    }

    /// Call under the shared lock. Sets `acknowledgedEnd` (everything, when a later
    /// segment exists) and returns what a fresh look finds at the cursor.
    private func walkAcknowledged() throws -> SegmentCursor.Step? {
        guard let current = cursor else { return nil }
        try RecoveryMarker.refuseIfPresent(in: directory, io: io)
        var probe = SegmentCursor(io: io, file: current.file, path: current.path, firstSequence: current.firstSequence,
                                  offset: current.offset, expected: current.expected, readAhead: Self.tailReadAhead)
        let first = try probe.peek()
        listedStarts = try segments.segmentStarts()
        if listedStarts.contains(where: { $0 > current.firstSequence }) {
            acknowledgedEnd = .max
            return first
        }
        var step = first
        probe.readAhead = 1 << 20  // a long walk (the last segment at start) reads in large pieces
        // Only whole batches: the records of one whose last record is not there (its writer
        // died mid-append) are not acknowledged, and the next writer's recovery cuts them.
        var batchEnd = probe.offset
        while case .record(let header, _) = step {
            probe.advance(over: header)
            if header.endsBatch { batchEnd = probe.offset }
            step = try probe.peek()
        }
        acknowledgedEnd = max(acknowledgedEnd, batchEnd)
        return first
    }

    /// At bytes that are not a record, and no later segment to move to: under the shared
    /// lock, either there is more to read now (true), or this is the end, which is checked
    /// as verify checks it: a valid record further on is corruption, and so is a later
    /// segment that does not follow on.
    private func settleEnd() throws -> Bool {
        guard let current = cursor else { return false }
        var readOn = false
        try withSharedLock {
            guard let fresh = try walkAcknowledged() else { return }
            switch fresh {
            case .record, .sealed, .outOfSequence:
                readOn = true
                return
            case .zeroTail, .invalid:
                break
            }
            if segments.nextSegmentExists(after: current) {
                readOn = true
                return
            }
            if fresh == .zeroTail, let cleanFrom, current.offset >= cleanFrom {
                try checkNoGap(after: current)
                return
            }
            let analysis = try TailAnalysis.analyse(io: io, file: current.file, path: current.path,
                                                    from: current.offset, expected: current.expected)
            if case .corrupt(let position, let sequence) = analysis {
                throw current.invalidBeforeValid(fresh.invalidReason, validFrameAt: position, sequence: sequence)
            }
            try checkNoGap(after: current)
            if analysis == .clean { cleanFrom = current.offset }
        }
        cursor?.invalidate()
        return readOn
    }

    private func withSharedLock(_ body: () throws -> Void) throws {
        try lock.withShared(directory: directory, io: io, ownFile: &lockFile, body)
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
        try beginAtHint(in: start)
        return true
    }

    /// Moves the new cursor to the hinted record when the hint is in this segment, at or
    /// before `from`, and a valid frame with its sequence number is really there.
    private func beginAtHint(in segment: UInt64) throws {
        guard let hint, hint.segment == segment, hint.sequence >= segment, hint.sequence <= from,
              hint.offset >= Int64(SegmentHeader.size), var probe = cursor else { return }
        probe.offset = hint.offset
        probe.expected = hint.sequence
        guard case .record = try probe.peek() else { return }
        cursor = probe
        cleanFrom = hint.zerosFrom
    }

    private func moveToSegment(_ next: UInt64, from current: SegmentCursor) throws {
        guard next > current.firstSequence, io.isRegularFile(segments.segmentPath(next)) else {
            throw JournalError.corruption(segment: current.name, offset: current.offset,
                                          reason: "sealed, but the next segment \(SegmentHeader.fileName(firstSequence: next)) is missing")
        }
        let replacement = try makeCursor(next)
        io.close(current.file)
        cursor = replacement
        acknowledgedEnd = 0
        cleanFrom = nil
    }

    private func makeCursor(_ first: UInt64) throws -> SegmentCursor {
        SegmentCursor(io: io, file: try segments.open(first, writable: false),
                      path: segments.segmentPath(first), firstSequence: first)
    }

    /// Call after `walkAcknowledged`, under the same lock: uses its listing.
    private func checkNoGap(after current: SegmentCursor) throws {
        if let later = listedStarts.first(where: { $0 > current.expected }) {
            throw JournalError.corruption(segment: current.name, offset: current.offset,
                                          reason: "records from \(current.expected) are missing; the next segment starts at \(later)")
        }
    }
}
