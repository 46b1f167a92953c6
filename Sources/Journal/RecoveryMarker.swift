import SystemPackage

/// The file a writer leaves when a write or sync failed and it could not void the records
/// it had written: those records were never acknowledged, yet the page cache (or, after a
/// reboot, the disk) may still hold them. While the marker exists no process opens the
/// journal, for reading or writing, so nothing unacknowledged is served as committed.
/// `Journal.voidUnacknowledged(directory:)` (`sscard journal recover`), run once the
/// disk is sound, zeroes the ranges it lists and removes it.
///
/// The file is text: comment lines starting with "#", then one line per range,
/// `void <segment file name> <from offset> <to offset>`.
public struct RecoveryMarker: Equatable, Sendable {
    public static let fileName = "NEEDS-RECOVERY"

    public struct Range: Equatable, Sendable {
        public var segment: String
        public var from: Int64
        public var to: Int64
    }

    public var cause: String
    public var ranges: [Range]

    func encoded() -> [UInt8] {
        var text = "# sscard journal: records that were never acknowledged could not be voided.\n"
        text += "# cause: \(cause.filter { $0 != "\n" })\n"
        text += "# Check the disk, then run: sscard journal recover --data-dir DIR\n"
        for range in ranges { text += "void \(range.segment) \(range.from) \(range.to)\n" }
        return Array(text.utf8)
    }

    /// Parses a marker; a line that is not a well-formed range makes the whole file
    /// unusable (nil), since guessing which bytes to zero is worse than refusing.
    static func decode(_ bytes: [UInt8]) -> RecoveryMarker? {
        guard bytes.count <= 1 << 20 else { return nil }
        var cause = ""
        var ranges: [Range] = []
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("# cause: ") { cause = String(line.dropFirst(9)); continue }
            if line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ")
            guard parts.count == 4, parts[0] == "void",
                  SegmentHeader.firstSequence(fromFileName: String(parts[1])) != nil,
                  let from = Int64(parts[2]), let to = Int64(parts[3]),
                  from >= Int64(SegmentHeader.size), to >= from else { return nil }
            ranges.append(Range(segment: String(parts[1]), from: from, to: to))
        }
        return RecoveryMarker(cause: cause, ranges: ranges)
    }

    /// The marker in `directory`, if there is one; a marker that cannot be read still
    /// counts (with no ranges) so that it is never silently ignored.
    static func find(in directory: FilePath, io: any FileIO) throws -> RecoveryMarker? {
        let path = directory.appending(fileName)
        guard io.exists(path) else { return nil }
        let file = try performing("open", on: path) { try io.openFile(path, create: false, writable: false) }
        defer { io.close(file) }
        let bytes = try performing("read", on: path) { try io.readBytes(file, count: 1 << 20, at: 0) }
        return decode(bytes) ?? RecoveryMarker(cause: "the marker file could not be read", ranges: [])
    }

    /// Throws `JournalError.needsRecovery` when a marker is present.
    static func refuseIfPresent(in directory: FilePath, io: any FileIO) throws {
        if let marker = try find(in: directory, io: io) {
            throw JournalError.needsRecovery(cause: marker.cause)
        }
    }

    /// Best effort: the disk is already failing, so this may fail too.
    func write(in directory: FilePath, io: any FileIO) throws {
        let path = directory.appending(Self.fileName)
        let file = try io.openFile(path, create: true, writable: true)
        defer { io.close(file) }
        try io.truncate(file, length: 0)
        try encoded().withUnsafeBytes { try io.writeAll(file, $0, at: 0) }
        try retryingInterrupts { try io.syncAll(file) }
        try io.syncDirectory(directory)
    }
}
