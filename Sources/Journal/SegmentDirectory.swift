import SystemPackage

/// The folder of segment files: listing, opening with header checks, and durable creation.
struct SegmentDirectory {
    static let temporarySuffix = ".tmp"

    let io: any FileIO
    let path: FilePath

    /// First sequence numbers of the segments present, ascending: regular files named
    /// exactly as segments are. Anything else is a stray (see `strayFiles`).
    func segmentStarts() throws -> [UInt64] {
        guard io.exists(path) else { return [] }
        let names = try performing("list", on: path) { try io.listDirectory(path) }
        return names.compactMap { name in
            SegmentHeader.firstSequence(fromFileName: name).flatMap { io.isRegularFile(path.appending(name)) ? $0 : nil }
        }.sorted()
    }

    /// Names in the folder that are neither segments nor the journal's own files (the
    /// lock, saved torn tails, the recovery marker): reported to an operator, never read.
    func strayFiles() throws -> [String] {
        guard io.exists(path) else { return [] }
        let segmentNames = Set(try segmentStarts().map(SegmentHeader.fileName(firstSequence:)))
        return try performing("list", on: path) { try io.listDirectory(path) }.filter { name in
            if segmentNames.contains(name) || name == Journal.lockFileName || name == RecoveryMarker.fileName { return false }
            let segmentPart = String(name.prefix(20 + SegmentHeader.fileExtension.count))
            if SegmentHeader.firstSequence(fromFileName: segmentPart) != nil,
               name.dropFirst(segmentPart.count).hasPrefix(".torn-"), io.isRegularFile(path.appending(name)) {
                return false
            }
            return true
        }.sorted()
    }

    /// Whether a later segment starts with the record `cursor` expects next: its writer
    /// rolled on (and may have died before sealing this one), so the records go on there.
    func nextSegmentExists(after cursor: SegmentCursor) -> Bool {
        cursor.expected > cursor.firstSequence && io.exists(segmentPath(cursor.expected))
    }

    func segmentPath(_ first: UInt64) -> FilePath {
        path.appending(SegmentHeader.fileName(firstSequence: first))
    }

    /// Opens a segment and checks that its header is sound and matches its name.
    func open(_ first: UInt64, writable: Bool) throws -> FileDescriptor {
        let file = segmentPath(first)
        let descriptor = try performing("open", on: file) { try io.openFile(file, create: false, writable: writable) }
        do {
            let bytes = try performing("read", on: file) { try io.readBytes(descriptor, count: SegmentHeader.size, at: 0) }
            switch SegmentHeader.decode(bytes) {
            case .failure(let problem):
                throw JournalError.corruption(segment: file.lastComponent!.string, offset: 0, reason: problem.description)
            case .success(let header) where header.firstSequence != first:
                throw JournalError.corruption(
                    segment: file.lastComponent!.string, offset: 0,
                    reason: "header says first sequence \(header.firstSequence), the name says \(first)")
            case .success:
                return descriptor
            }
        } catch {
            io.close(descriptor)
            throw error
        }
    }

    /// Creates a segment so that it is either wholly there or not at all: written under a
    /// temporary name, space reserved, synced, renamed into place, and the folder synced.
    func create(_ first: UInt64, capacity: Int64) throws -> FileDescriptor {
        let final = segmentPath(first)
        let temporary = FilePath(final.string + Self.temporarySuffix)
        let file = try performing("create", on: temporary) { try io.openFile(temporary, create: true, writable: true) }
        do {
            try performing("truncate", on: temporary) { try io.truncate(file, length: 0) }
            try performing("allocate", on: temporary) { try io.allocate(file, length: capacity) }
            try performing("write", on: temporary) {
                try SegmentHeader(firstSequence: first).encoded().withUnsafeBytes { try io.writeAll(file, $0, at: 0) }
            }
            try performing("fsync", on: temporary) { try io.syncAll(file) }
            try performing("rename", on: temporary) { try io.rename(temporary, to: final) }
            try performing("fsync", on: path) { try io.syncDirectory(path) }
            return file
        } catch {
            io.close(file)
            try? io.remove(temporary)
            throw error
        }
    }

    /// Segments half-made by a process that died before its rename: never part of the journal.
    func removeTemporaries() throws {
        for name in try performing("list", on: path, { try io.listDirectory(path) })
        where name.hasSuffix(SegmentHeader.fileExtension + Self.temporarySuffix) {
            try performing("remove", on: path.appending(name)) { try io.remove(path.appending(name)) }
        }
    }
}
