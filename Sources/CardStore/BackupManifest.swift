import Foundation
import Journal

/// What a backup folder holds, written last and atomically (`manifest.json`): the journal's
/// segments with the acknowledged length of each, the last record's sequence number, time
/// and CRC, and every file's SHA-256, so a copy is checked without the original.
public struct BackupManifest: Codable, Equatable, Sendable {
    public struct Segment: Codable, Equatable, Sendable {
        public var extent: SegmentExtent
        /// SHA-256 of the segment file's first `extent.length` bytes.
        public var sha256: String
    }

    /// A file beside the journal (the CA, trusted CAs, photos), by its path under the folder.
    public struct File: Codable, Equatable, Sendable {
        public var path: String
        public var size: Int64
        public var sha256: String
    }

    public static let fileName = "manifest.json"
    public static let currentFormat = 1

    public var format = BackupManifest.currentFormat
    public var sscardVersion: String
    public var createdAt: Int64
    public var lastSequence: UInt64
    public var lastTimestamp: Int64?
    /// The last record's stored CRC-32C, in hex.
    public var lastCRC: String?
    public var segments: [Segment]
    public var files: [File]

    static func read(from folder: URL) throws -> BackupManifest {
        let data = try Data(contentsOf: folder.appendingPathComponent(fileName))
        return try JSONDecoder().decode(BackupManifest.self, from: data)
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array(try encoder.encode(self))
    }
}
