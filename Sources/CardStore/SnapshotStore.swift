import Journal
import SystemPackage

/// Saves and loads read-model snapshots. A snapshot file is
///
///     8 bytes "SSCSNAP1", u64 sequence, u64 state length, the state, u32 masked CRC32C
///
/// and is written atomically: a temporary file, fsync, rename over the old one, fsync of
/// the folder. A snapshot that fails its checks is ignored (the caller replays the
/// journal instead): a snapshot is only ever a shortcut, never the data.
public struct SnapshotStore: Sendable {
    public enum Loaded: Equatable, Sendable {
        case found(Snapshot)
        case missing
        /// Present but unusable; the reason says why.
        case rejected(String)
    }

    static let magic: [UInt8] = Array("SSCSNAP1".utf8)
    static let headerSize = 24

    public let directory: FilePath
    let io: any FileIO

    public init(directory: FilePath, io: any FileIO = SystemFileIO()) {
        self.directory = directory
        self.io = io
    }

    func path(_ name: String) -> FilePath { directory.appending("\(name).snap") }

    public func save(_ snapshot: Snapshot, as name: String) throws {
        try io.makeDirectory(directory)
        var bytes = Self.magic
        withUnsafeBytes(of: snapshot.sequence.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt64(snapshot.state.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: snapshot.state)
        let crc = CRC32C.mask(CRC32C.checksum(bytes))
        withUnsafeBytes(of: crc.littleEndian) { bytes.append(contentsOf: $0) }

        try io.writeAtomically(bytes, to: path(name))
    }

    /// Removes the snapshot, if there is one: the next open replays the journal instead.
    public func remove(_ name: String) throws {
        let file = path(name)
        if io.exists(file) { try io.remove(file) }
    }

    /// Removes the snapshots an older build saved under another version of `name` (the part
    /// before its last "-v"): they are ignored since the layout changed, and only take space.
    public func removeOtherVersions(of name: String) throws {
        guard let cut = name.range(of: "-v", options: .backwards) else { return }
        let family = name[..<cut.upperBound]
        guard io.exists(directory) else { return }
        for file in try io.listDirectory(directory) where file.hasPrefix(family) && file.hasSuffix(".snap") && file != "\(name).snap" {
            try io.remove(directory.appending(file))
        }
    }

    public func load(_ name: String) -> Loaded {
        let file: FileDescriptor
        do {
            file = try io.openFile(path(name), create: false, writable: false)
        } catch {
            return .missing
        }
        defer { io.close(file) }
        do {
            let size = try io.size(file)
            guard size >= Int64(Self.headerSize + 4) else { return .rejected("snapshot file is too short") }
            let bytes = try io.readBytes(file, count: Int(size), at: 0)
            return Self.decode(bytes)
        } catch {
            return .rejected("snapshot could not be read: \(error)")
        }
    }

    static func decode(_ bytes: [UInt8]) -> Loaded {
        guard Array(bytes[0..<8]) == magic else { return .rejected("snapshot has the wrong magic bytes") }
        return bytes.withUnsafeBytes { raw in
            let sequence = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            let length = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
            guard length == UInt64(bytes.count - headerSize - 4) else {
                return .rejected("snapshot length \(length) does not match the file")
            }
            let stored = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: bytes.count - 4, as: UInt32.self))
            let covered = UnsafeRawBufferPointer(rebasing: raw[0..<(bytes.count - 4)])
            guard CRC32C.unmask(stored) == CRC32C.checksum(covered) else {
                return .rejected("snapshot checksum mismatch")
            }
            return .found(Snapshot(sequence: sequence, state: Array(bytes[headerSize..<(bytes.count - 4)])))
        }
    }
}
