import Foundation
import Journal
import SystemPackage
import Testing

/// A journal in a fresh private temporary folder, with helpers to damage its files the
/// way crashes and bad disks do. Records are of fixed size, so offsets are easy to compute.
struct JournalFixture: ~Copyable {
    static let payloadSize = 40
    static let frameSize = 28 + payloadSize
    static let segmentHeader = 32

    let directory: FilePath
    let options = JournalOptions(segmentCapacity: 64 * 1024, clock: { 1_790_000_000_000_000 })

    init() throws {
        var template = Array("/tmp/sscard-journal-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Errno(rawValue: errno) }
        directory = FilePath(String(cString: made)).appending("journal")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory.removingLastComponent().string)
    }

    static func payload(_ index: UInt64) -> [UInt8] {
        let text = "record-\(index)-"
        var bytes = Array(text.utf8)
        while bytes.count < payloadSize { bytes.append(UInt8(ascii: "a") + UInt8(bytes.count % 26)) }
        return bytes
    }

    func open(io: any FileIO = SystemFileIO()) throws -> Journal {
        try Journal(directory: directory, options: options, io: io)
    }

    /// Appends records 1...count (to a new journal) one by one and closes it.
    func write(_ count: UInt64) throws {
        let journal = try open()
        for index in (journal.nextSequence)..<(journal.nextSequence + count) {
            try journal.append(type: 7, payload: Self.payload(index))
        }
        journal.close()
    }

    /// Appends the next `count` records in one batch (one sync, rolling segments inside it).
    func writeBatch(_ count: UInt64) throws {
        let journal = try open()
        let first = journal.nextSequence
        try journal.append((first..<(first + count)).map { JournalEntry(type: 7, payload: Self.payload($0)) })
        journal.close()
    }

    /// Appends the next `count` records in batches of `size`: a batch never spans segments,
    /// so these roll over segments between batches, as a busy writer's appends do.
    func writeBatches(_ count: UInt64, of size: UInt64 = 100) throws {
        let journal = try open()
        var left = count
        while left > 0 {
            let first = journal.nextSequence
            let taken = min(size, left)
            try journal.append((first..<(first + taken)).map { JournalEntry(type: 7, payload: Self.payload($0)) })
            left -= taken
        }
        journal.close()
    }

    /// Every record the journal serves from the start.
    func readAll(io: any FileIO = SystemFileIO()) throws -> [JournalRecord] {
        let reader = try JournalReader(directory: directory, io: io)
        var records: [JournalRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    var firstSegment: FilePath { directory.appending("00000000000000000001.seg") }

    /// Byte offset of record `sequence` in the first segment.
    static func offset(ofRecord sequence: UInt64) -> Int {
        segmentHeader + Int(sequence - 1) * frameSize
    }

    func segmentBytes(_ path: FilePath? = nil) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: (path ?? firstSegment).string)))
    }

    func writeSegment(_ bytes: [UInt8], _ path: FilePath? = nil) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: (path ?? firstSegment).string))
    }

    func modifySegment(_ change: (inout [UInt8]) -> Void) throws {
        var bytes = try segmentBytes()
        change(&bytes)
        try writeSegment(bytes)
    }

    func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.string).sorted()
    }
}
