import SystemPackage

extension Journal {
    /// After a failed write or sync, under the lock: overwrite every byte written since
    /// the last successful sync with zeros and sync that, so no reader, in this boot or
    /// after a reboot, ever serves a record whose append was refused. When that fails as
    /// well, leave a `RecoveryMarker` so that nobody opens the journal until an operator acts.
    func voidUnsynced(cause: String) {
        let ranges = unsynced
        unsynced.removeAll()
        guard !ranges.isEmpty else { return }
        do {
            try Self.zero(ranges, in: directory, io: io)
            tail?.cursor.invalidate()
        } catch {
            let marker = RecoveryMarker(cause: "\(cause); voiding failed: \(error)", ranges: ranges)
            try? marker.write(in: directory, io: io)
        }
    }

    /// `sscard journal recover`: once the disk is sound again, zeroes the ranges a failed
    /// writer could not void and removes its marker. Returns the marker that was acted on,
    /// or nil when there was none. A marker that cannot be parsed is left for a person.
    @discardableResult
    public static func voidUnacknowledged(directory: FilePath, io: any FileIO = SystemFileIO()) throws -> RecoveryMarker? {
        let lockPath = directory.appending(lockFileName)
        let lock = try performing("open", on: lockPath) { try io.openFile(lockPath, create: true, writable: true) }
        defer { io.close(lock) }
        try performing("lock", on: lockPath) { try io.lock(lock) }
        defer { try? io.unlock(lock) }
        let markerPath = directory.appending(RecoveryMarker.fileName)
        guard io.exists(markerPath) else { return nil }
        let file = try performing("open", on: markerPath) { try io.openFile(markerPath, create: false, writable: false) }
        let bytes = try performing("read", on: markerPath) { try io.readBytes(file, count: (1 << 20) + 1, at: 0) }
        io.close(file)
        guard let marker = RecoveryMarker.decode(bytes) else {
            throw JournalError.needsRecovery(cause: "\(markerPath.string) is not a marker sscard wrote; inspect it by hand")
        }
        try zero(marker.ranges, in: directory, io: io)
        try performing("remove", on: markerPath) { try io.remove(markerPath) }
        try performing("fsync", on: directory) { try io.syncDirectory(directory) }
        return marker
    }

    static func zero(_ ranges: [RecoveryMarker.Range], in directory: FilePath, io: any FileIO) throws {
        let zeros = [UInt8](repeating: 0, count: 1 << 16)
        for range in ranges {
            let path = directory.appending(range.segment)
            guard io.exists(path) else { continue }  // a segment that never got its name holds nothing
            let file = try performing("open", on: path) { try io.openFile(path, create: false, writable: true) }
            defer { io.close(file) }
            var position = range.from
            while position < range.to {
                let count = Int(min(Int64(zeros.count), range.to - position))
                try performing("write", on: path) {
                    try zeros.withUnsafeBytes { try io.writeAll(file, UnsafeRawBufferPointer(rebasing: $0[0..<count]), at: position) }
                }
                position += Int64(count)
            }
            try performing("fdatasync", on: path) { try io.syncData(file) }
        }
    }
}
