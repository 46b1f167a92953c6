import CardStore
import Foundation
import JournalTestSupport
import Journal
import SystemPackage
import Testing

/// A read model for the tests: the sum of the first payload byte of every record.
struct SumModel: Projection, Equatable {
    static let snapshotName = "sum-v1"
    var sum: UInt64 = 0
    var count: UInt64 = 0

    init() {}
    init(snapshotState: [UInt8]) throws {
        guard snapshotState.count == 16 else { throw CocoaError(.coderInvalidValue) }
        snapshotState.withUnsafeBytes {
            sum = $0.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            count = $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        }
    }
    func snapshotState() throws -> [UInt8] {
        withUnsafeBytes(of: sum) { Array($0) } + withUnsafeBytes(of: count) { Array($0) }
    }
    mutating func apply(sequence: UInt64, type: UInt16, timestamp: Int64, payload: UnsafeRawBufferPointer) {
        sum += UInt64(payload.first ?? 0)
        count += 1
    }
}

@Suite struct SnapshotStoreTests {
    let data: DataDirectory

    init() throws {
        let made = try TemporaryFolder.make("sscard-store-test")
        data = DataDirectory(FilePath(made))
    }

    func append(_ values: ClosedRange<UInt8>) throws {
        let journal = try Journal(directory: data.journal, options: JournalOptions(segmentCapacity: 64 * 1024))
        try journal.append(values.map { JournalEntry(type: 1, payload: [$0]) })
    }

    func expected(_ values: ClosedRange<UInt8>) -> UInt64 { values.reduce(0) { $0 + UInt64($1) } }

    @Test func savedSnapshotLoadsBack() throws {
        let store = SnapshotStore(directory: data.snapshots)
        #expect(store.load("x") == .missing)
        try store.save(Snapshot(sequence: 42, state: [1, 2, 3]), as: "x")
        #expect(store.load("x") == .found(Snapshot(sequence: 42, state: [1, 2, 3])))
        var status = stat()
        #expect(stat(data.snapshots.appending("x.snap").string, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(try !FileManager.default.contentsOfDirectory(atPath: data.snapshots.string).contains { $0.hasSuffix(".tmp") })
    }

    @Test func anOlderVersionsSnapshotIsRemovedAndNothingElse() throws {
        let store = SnapshotStore(directory: data.snapshots)
        for name in ["card-state-v2", "card-state-v3", "card-state-v4", "sum-v1"] {
            try store.save(Snapshot(sequence: 1, state: [1]), as: name)
        }
        try store.removeOtherVersions(of: "card-state-v4")
        let left = try FileManager.default.contentsOfDirectory(atPath: data.snapshots.string).sorted()
        #expect(left == ["card-state-v4.snap", "sum-v1.snap"])
    }

    @Test func snapshotFailingItsChecksumIsRejected() throws {
        let store = SnapshotStore(directory: data.snapshots)
        try store.save(Snapshot(sequence: 42, state: [1, 2, 3]), as: "x")
        let path = data.snapshots.appending("x.snap").string
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[25] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(store.load("x") == .rejected("snapshot checksum mismatch"))
        try Data([1, 2]).write(to: URL(fileURLWithPath: path))
        #expect(store.load("x") == .rejected("snapshot file is too short"))
    }

    @Test func replayEqualsLiveStateAndSnapshotReplaysOnlyTheTail() throws {
        try append(1...100)
        let loader = ProjectionLoader<SumModel>(data: data)
        let full = try loader.load()
        #expect(full.model.sum == expected(1...100))
        #expect(!full.usedSnapshot)
        #expect(full.replayed == 100)
        try loader.save(full.model, at: full.sequence)

        try append(101...120)
        let fast = try loader.load()
        #expect(fast.usedSnapshot)
        #expect(fast.replayed == 20)
        #expect(fast.model.sum == expected(1...120))
        #expect(fast.sequence == 120)
    }

    @Test func corruptSnapshotIsIgnoredAndTheJournalReplayed() throws {
        try append(1...50)
        let loader = ProjectionLoader<SumModel>(data: data)
        try loader.save(try loader.load().model, at: 50)
        let path = data.snapshots.appending("sum-v1.snap").string
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count - 1] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let loaded = try loader.load()
        #expect(!loaded.usedSnapshot)
        #expect(loaded.snapshotProblem == "snapshot checksum mismatch")
        #expect(loaded.model.sum == expected(1...50))
        #expect(loaded.replayed == 50)
    }

    @Test func snapshotAheadOfTheJournalIsNotTrusted() throws {
        try append(1...10)
        let loader = ProjectionLoader<SumModel>(data: data)
        var stale = SumModel()
        stale.sum = 999_999
        try loader.save(stale, at: 500)
        let loaded = try loader.load()
        #expect(!loaded.usedSnapshot)
        #expect(loaded.model.sum == expected(1...10))
        #expect(loaded.snapshotProblem?.contains("500") == true)
    }
}

@Suite struct DataDirectoryTests {
    @Test func missingParentsAreCreatedPrivate() throws {
        let base = FilePath(try TemporaryFolder.make("sscard-data-test"))
        defer { try? FileManager.default.removeItem(atPath: base.string) }
        let data = DataDirectory(base.appending("a/b/sscard"))
        try data.create()
        try data.create()  // a second time is harmless
        for path in [base.appending("a"), base.appending("a/b"), data.root] {
            var status = stat()
            #expect(stat(path.string, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o700, "\(path)")
        }
    }
}
