import SystemPackage

extension Journal {
    /// Opens the last segment and walks it to its end, checking everything after the last
    /// record: a torn tail is cut and saved, corruption is refused. Runs under the lock.
    func recover() throws {
        try segments.removeTemporaries()
        guard let last = try segments.segmentStarts().last else {
            tail = nil
            nextSequence = 1
            return
        }
        tail = try openTail(first: last)
        try walkToEnd(strict: true)
    }

    /// Under the lock, before writing: moves past records other processes appended, into
    /// segments they created, and cuts a torn tail a crashed process left behind.
    func catchUp() throws {
        if tail == nil {
            // The journal was empty at open; another process may have started it since.
            guard io.exists(segments.segmentPath(nextSequence)) else { return }
            tail = try openTail(first: nextSequence)
        }
        tail!.cursor.invalidate()
        try walkToEnd(strict: false)
    }

    func openTail(first: UInt64) throws -> SegmentTail {
        let file = try segments.open(first, writable: true)
        let path = segments.segmentPath(first)
        let capacity = try performing("stat", on: path) { try io.size(file) }
        let cursor = SegmentCursor(io: io, file: file, path: path, firstSequence: first, readAhead: 1 << 20)
        return SegmentTail(cursor: cursor, capacity: capacity)
    }

    /// Follows records and seals to the tail. `strict` also reads past zeros to make sure
    /// nothing follows them (on open, after a possible power cut); a running writer only
    /// needs that when it meets non-zero bytes that are not a record.
    private func walkToEnd(strict: Bool) throws {
        defer {
            if let tail {
                nextSequence = tail.cursor.expected
                self.tail!.cursor.readAhead = RecordFrame.headerSize
            }
        }
        // Where the batch being walked began, while its last record has not been seen.
        var openBatch: (offset: Int64, sequence: UInt64)?
        while tail != nil {
            // Peek in place: a copy of the cursor would copy its read buffer on write.
            let step = try tail!.cursor.peek()
            let cursor = tail!.cursor
            switch step {
            case .record(let header, _):
                if openBatch == nil, !header.endsBatch { openBatch = (cursor.offset, header.sequence) }
                tail!.cursor.advance(over: header)
                if header.endsBatch { openBatch = nil }
            case .sealed(let next):
                if let openBatch {
                    throw JournalError.corruption(segment: cursor.name, offset: openBatch.offset,
                                                  reason: "a batch from sequence \(openBatch.sequence) is sealed before its last record")
                }
                let path = segments.segmentPath(next)
                guard io.exists(path) else {
                    throw JournalError.corruption(segment: cursor.name, offset: cursor.offset,
                                                  reason: "sealed, but the next segment \(path.lastComponent!) is missing")
                }
                io.close(cursor.file)
                tail = try openTail(first: next)
            case .outOfSequence(let found):
                throw cursor.outOfSequence(found)
            case .zeroTail, .invalid:
                if segments.nextSegmentExists(after: cursor) {
                    // A writer died after creating the next segment and before sealing this one.
                    io.close(cursor.file)
                    tail = try openTail(first: cursor.expected)
                    continue
                }
                if step == .zeroTail, !strict, openBatch == nil { return }
                let end = try settleTail(of: cursor, invalidReason: step.invalidReason)
                if let openBatch { try cutUnfinishedBatch(from: openBatch, to: end) }
                return
            }
        }
    }

    /// Decides what the bytes after the last record are, and cuts them if they are torn.
    /// Returns where the bytes that are not zeros end (the cursor's offset when clean).
    @discardableResult
    private func settleTail(of cursor: SegmentCursor, invalidReason: String?) throws -> Int64 {
        let analysis = try TailAnalysis.analyse(io: io, file: cursor.file, path: cursor.path,
                                                from: cursor.offset, expected: cursor.expected)
        switch analysis {
        case .clean:
            zerosFrom = (cursor.firstSequence, cursor.offset)
            return cursor.offset
        case .torn(let end):
            cuts.append(try TailCut.cut(io: io, directory: directory, file: cursor.file,
                                        segmentName: cursor.name, from: cursor.offset, to: end))
            tail!.cursor.invalidate()
            zerosFrom = (cursor.firstSequence, cursor.offset)
            return end
        case .corrupt(let position, let sequence):
            throw cursor.invalidBeforeValid(invalidReason, validFrameAt: position, sequence: sequence)
        }
    }

    /// The last batch's writer died before its last record reached the file: the records
    /// of it that did are cut (and saved beside the segment, as a torn tail is), so no
    /// part of an unacknowledged batch is ever kept.
    private func cutUnfinishedBatch(from start: (offset: Int64, sequence: UInt64), to end: Int64) throws {
        let cursor = tail!.cursor
        cuts.append(try TailCut.cut(io: io, directory: directory, file: cursor.file, segmentName: cursor.name,
                                    from: start.offset, to: max(end, cursor.offset)))
        tail!.cursor.offset = start.offset
        tail!.cursor.expected = start.sequence
        tail!.cursor.lastFrame = nil
        tail!.cursor.invalidate()
        zerosFrom = (cursor.firstSequence, start.offset)
    }
}

extension SegmentCursor.Step {
    var invalidReason: String? {
        if case .invalid(let reason) = self { return reason }
        return nil
    }
}
