import SystemPackage

/// A strict, read-only check of a whole journal, for `sscard journal verify`: every
/// segment header, every record, the continuity between segments, and what lies after
/// the last record of each segment.
public struct JournalVerifier {
    public struct Report: Equatable, Sendable {
        public var segments = 0
        public var records = 0
        public var lastSequence: UInt64 = 0
        /// Bytes after the last record that recovery would cut; consistent all the same.
        public var tornTails: [TailCut] = []
        /// Files that are neither segments nor the journal's own: listed, never read.
        public var strayFiles: [String] = []
        /// The first corruption found; nothing after it was checked.
        public var corruption: JournalError?

        public var isConsistent: Bool { corruption == nil }
    }

    let io: any FileIO
    let segments: SegmentDirectory

    public init(directory: FilePath, io: any FileIO = SystemFileIO()) {
        self.io = io
        self.segments = SegmentDirectory(io: io, path: directory)
    }

    public func verify() -> Report {
        var report = Report()
        do {
            try verify(into: &report)
        } catch let error as JournalError {
            report.corruption = error
        } catch {
            report.corruption = .corruption(segment: "?", offset: 0, reason: "\(error)")
        }
        return report
    }

    private func verify(into report: inout Report) throws {
        report.strayFiles = try segments.strayFiles()
        try RecoveryMarker.refuseIfPresent(in: segments.path, io: io)
        let starts = try segments.segmentStarts()
        var expected: UInt64 = 1
        var sealedTo: (segment: String, offset: Int64, next: UInt64)?
        for start in starts {
            let name = SegmentHeader.fileName(firstSequence: start)
            guard start == expected else {
                throw JournalError.corruption(segment: name, offset: 0,
                                              reason: "segment starts at sequence \(start) where \(expected) was expected")
            }
            let file = try segments.open(start, writable: false)
            defer { io.close(file) }
            var cursor = SegmentCursor(io: io, file: file, path: segments.segmentPath(start), firstSequence: start)
            report.segments += 1
            sealedTo = nil
            var openBatch: (offset: Int64, sequence: UInt64, records: Int)?
            walk: while true {
                let step = try cursor.peek()
                switch step {
                case .record(let header, _):
                    if openBatch == nil, !header.endsBatch { openBatch = (cursor.offset, header.sequence, 0) }
                    cursor.advance(over: header)
                    report.records += 1
                    report.lastSequence = header.sequence
                    openBatch?.records += 1
                    if header.endsBatch { openBatch = nil }
                case .outOfSequence(let found):
                    throw cursor.outOfSequence(found)
                case .sealed(let next):
                    sealedTo = (cursor.name, cursor.offset, next)
                    cursor.offset += Int64(RecordFrame.headerSize)
                    try checkTail(of: cursor, reason: nil, into: &report)
                    break walk
                case .zeroTail, .invalid:
                    try checkTail(of: cursor, reason: step.invalidReason, into: &report)
                    if let openBatch {
                        // A batch whose last record never arrived: recovery cuts it, as a torn tail.
                        let end = report.tornTails.last.map { $0.offset + $0.length } ?? cursor.offset
                        if !report.tornTails.isEmpty, report.tornTails.last!.segment == cursor.name { report.tornTails.removeLast() }
                        report.tornTails.append(TailCut(segment: cursor.name, offset: openBatch.offset,
                                                        length: max(end, cursor.offset) - openBatch.offset, savedTo: ""))
                        report.records -= openBatch.records
                        report.lastSequence = openBatch.sequence - 1
                        cursor.expected = openBatch.sequence
                    }
                    break walk
                }
            }
            expected = cursor.expected
        }
        // The app refuses a journal whose last seal points nowhere; so does verify.
        if let sealedTo {
            throw JournalError.corruption(
                segment: sealedTo.segment, offset: sealedTo.offset,
                reason: "sealed, but the next segment \(SegmentHeader.fileName(firstSequence: sealedTo.next)) is missing")
        }
    }

    private func checkTail(of cursor: SegmentCursor, reason: String?, into report: inout Report) throws {
        switch try TailAnalysis.analyse(io: io, file: cursor.file, path: cursor.path,
                                        from: cursor.offset, expected: cursor.expected) {
        case .clean:
            return
        case .torn(let end):
            report.tornTails.append(TailCut(segment: cursor.name, offset: cursor.offset, length: end - cursor.offset, savedTo: ""))
        case .corrupt(let position, let sequence):
            throw cursor.invalidBeforeValid(reason, validFrameAt: position, sequence: sequence)
        }
    }
}
