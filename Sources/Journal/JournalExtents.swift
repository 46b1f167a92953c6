import SystemPackage

/// Where each segment's acknowledged records end, for a backup taken while writers run.
/// Only the last segment is walked under the readers' shared lock, so no record between
/// its write and its sync is ever counted and no writer waits long; complete segments a
/// previous backup already took are not walked again, so an hourly backup reads only what
/// is new.
public enum JournalExtents {
    /// Every segment's extent, in order. `known` holds complete segments by first sequence
    /// number, as a previous backup found them. Corruption throws, as a reader's does.
    public static func find(directory: FilePath, known: [UInt64: SegmentExtent] = [:],
                            io: any FileIO = SystemFileIO()) throws -> [SegmentExtent] {
        try RecoveryMarker.refuseIfPresent(in: directory, io: io)
        let segments = SegmentDirectory(io: io, path: directory)
        var lockFile: FileDescriptor?
        defer { if let lockFile { io.close(lockFile) } }
        var starts = try segments.segmentStarts()
        var extents: [SegmentExtent] = []
        var expected: UInt64 = 1
        var index = 0
        while index < starts.count {
            let start = starts[index]
            let name = SegmentHeader.fileName(firstSequence: start)
            guard start == expected else {
                throw JournalError.corruption(segment: name, offset: 0,
                                              reason: "segment starts at sequence \(start) where \(expected) was expected")
            }
            let isLast = index == starts.count - 1
            let extent: SegmentExtent
            if !isLast, let earlier = known[start], earlier.complete, earlier.name == name {
                extent = earlier
            } else if !isLast {
                // A segment followed by another was synced before that one was made: it is
                // read without the lock, so a first backup of a large journal holds no writer up.
                extent = try walk(segments, start: start, isLast: false, io: io)
            } else {
                // The last one under the lock, briefly. If a writer rolled since the listing,
                // this one is now sealed, and the new one is walked next.
                extent = try ReaderLock.own.withShared(directory: directory, io: io, ownFile: &lockFile) {
                    try walk(segments, start: start, isLast: true, io: io)
                }
            }
            extents.append(extent)
            expected = extent.lastSequence + 1
            index += 1
            // A seal names a next segment: a backup that ended at a seal would restore as a
            // journal that points nowhere, so the segments made since the listing come too.
            if isLast, extent.complete { starts = try segments.segmentStarts() }
        }
        return extents
    }

    private static func walk(_ segments: SegmentDirectory, start: UInt64, isLast: Bool, io: any FileIO) throws -> SegmentExtent {
        let file = try segments.open(start, writable: false)
        defer { io.close(file) }
        var cursor = SegmentCursor(io: io, file: file, path: segments.segmentPath(start), firstSequence: start)
        var end = Int64(SegmentHeader.size)
        var last: (sequence: UInt64, timestamp: Int64, offset: Int64)?
        var batchLast: (sequence: UInt64, timestamp: Int64, offset: Int64)?
        func extent(length: Int64, complete: Bool) throws -> SegmentExtent {
            var crc: UInt32?
            if let last {
                let bytes = try performing("read", on: cursor.path) { try io.readBytes(file, count: 4, at: last.offset) }
                crc = bytes.count == 4 ? bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self).littleEndian } : nil
            }
            return SegmentExtent(firstSequence: start, name: cursor.name, length: length, lastSequence: last?.sequence ?? start - 1,
                                 lastTimestamp: last?.timestamp, lastCRC: crc, complete: complete)
        }
        while true {
            let step = try cursor.peek()
            switch step {
            case .record(let header, _):
                batchLast = (header.sequence, header.timestamp, cursor.offset)
                cursor.advance(over: header)
                if header.endsBatch {
                    end = cursor.offset
                    last = batchLast
                }
            case .outOfSequence(let found):
                throw cursor.outOfSequence(found)
            case .sealed:
                return try extent(length: cursor.offset + Int64(RecordFrame.headerSize), complete: true)
            case .zeroTail, .invalid:
                if case .corrupt(let position, let sequence) = try TailAnalysis.analyse(io: io, file: file, path: cursor.path,
                                                                                          from: cursor.offset, expected: cursor.expected) {
                    throw cursor.invalidBeforeValid(step.invalidReason, validFrameAt: position, sequence: sequence)
                }
                // An unsealed segment followed by another was synced before the next was made.
                return try extent(length: end, complete: !isLast)
            }
        }
    }
}
