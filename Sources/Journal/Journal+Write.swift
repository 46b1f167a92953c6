import SystemPackage

extension Journal {
    /// Writes `entries` at the tail as one batch, then syncs once. The whole batch goes into
    /// one segment: when it does not fit in this one, a new segment large enough for all of
    /// it is made first, so a failure at the roll (a full disk) leaves none of it written,
    /// and a failure later voids all of it. Every record but the last is flagged as
    /// continuing, so a batch cut short by a crash is never kept (see `Journal+Recovery`).
    /// Runs under the lock, after `catchUp`.
    func write(_ entries: [JournalEntry]) throws -> ClosedRange<UInt64> {
        let first = nextSequence
        var pending = encodeBuffer
        encodeBuffer = []
        defer {
            pending.removeAll(keepingCapacity: pending.capacity <= 1 << 20)
            encodeBuffer = pending
        }
        let batchSize = entries.reduce(0) { $0 + RecordFrame.headerSize + $1.payload.count }
        if tail.map({ !$0.fits(batchSize) }) ?? true { try roll(toFit: batchSize) }
        pending.reserveCapacity(batchSize)
        for (position, entry) in entries.enumerated() {
            let timestamp = entry.timestamp ?? options.clock()
            let flags = position == entries.count - 1 ? 0 : RecordFrame.continuesBatch
            entry.payload.withUnsafeBytes { payload in
                RecordFrame.encode(sequence: nextSequence, timestamp: timestamp, type: entry.type,
                                   payload: payload, flags: flags, into: &pending)
            }
            lastWrittenTimestamp = timestamp
            nextSequence += 1
        }
        try flush(&pending)
        let path = tail!.cursor.path
        try performing("fdatasync", on: path) { try io.syncData(tail!.file) }
        unsynced.removeAll()
        return first...(nextSequence - 1)
    }

    /// Writes the encoded frames in `pending` at the tail and moves the tail past them.
    private func flush(_ pending: inout [UInt8]) throws {
        guard !pending.isEmpty, let current = tail else { return }
        // Noted before writing: a failed or short write may still have reached the file.
        noteUnsynced(current.cursor.name, from: current.offset, count: pending.count)
        try performing("write", on: current.cursor.path) {
            try pending.withUnsafeBytes { try io.writeAll(current.file, $0, at: current.offset) }
        }
        tail!.cursor.offset += Int64(pending.count)
        tail!.cursor.expected = nextSequence
        pending.removeAll(keepingCapacity: true)
    }

    private func noteUnsynced(_ segment: String, from offset: Int64, count: Int) {
        if let last = unsynced.last, last.segment == segment, last.to == offset {
            unsynced[unsynced.count - 1].to = offset + Int64(count)
        } else {
            unsynced.append(RecoveryMarker.Range(segment: segment, from: offset, to: offset + Int64(count)))
        }
    }

    /// Starts a new segment for the records from `nextSequence` (`frameSize` bytes of them). The old segment is
    /// synced first, so a later segment never exists without everything before it; then
    /// a seal frame in the old segment tells readers and other writers where to go on.
    private func roll(toFit frameSize: Int) throws {
        let minimum = Int64(SegmentHeader.size + frameSize + RecordFrame.headerSize)
        let capacity = max(options.segmentCapacity, minimum)
        if let old = tail {
            try performing("fdatasync", on: old.cursor.path) { try io.syncData(old.file) }
            unsynced.removeAll { $0.segment == old.cursor.name }
        }
        let file = try segments.create(nextSequence, capacity: capacity)
        if let old = tail {
            var seal: [UInt8] = []
            RecordFrame.encode(sequence: nextSequence, timestamp: options.clock(), type: SegmentCursor.sealType,
                               payload: UnsafeRawBufferPointer(start: nil, count: 0), into: &seal)
            noteUnsynced(old.cursor.name, from: old.offset, count: seal.count)
            try performing("write", on: old.cursor.path) {
                try seal.withUnsafeBytes { try io.writeAll(old.file, $0, at: old.offset) }
            }
            io.close(old.file)
        }
        let path = segments.segmentPath(nextSequence)
        let cursor = SegmentCursor(io: io, file: file, path: path, firstSequence: nextSequence, readAhead: RecordFrame.headerSize)
        tail = SegmentTail(cursor: cursor, capacity: capacity)
    }
}
