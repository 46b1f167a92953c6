@testable import CardStore
import CardDomain
import Foundation
import Journal
import JournalTestSupport
import SystemPackage
import Testing

/// A new site reads its journal once: the read that builds its index builds its state too
/// (`FirstStartFeed`), and gives what a replay after the index gives. Where it cannot be
/// sure, the start replays as before.
@Suite struct FirstStartFeedTests {
    let original: DataDirectory
    static let hash = try! PasswordHash.make(password: "Guitai@2026", salt: Array("sscard-test-salt".utf8),
                                             parameters: PasswordHash.Parameters(logCost: 10, blockSize: 8, parallelism: 1)).description

    init() throws {
        original = DataDirectory(FilePath(try TemporaryFolder.make("sscard-first-start")))
    }

    /// A new site: a data directory holding a copy of the original's journal and nothing else.
    func newSite() throws -> DataDirectory {
        let site = try TemporaryFolder.make("sscard-first-start-site")
        try FileManager.default.copyItem(atPath: original.journal.string, toPath: site + "/journal")
        return DataDirectory(FilePath(site))
    }

    func open(_ data: DataDirectory) throws -> CardRepository {
        try CardRepository(data: data, reference: CardRepositoryTests.reference)
    }

    @Test func aNewSiteBuildsItsStateFromTheReadThatBuildsItsIndex() throws {
        let live = try open(original)
        try CardRepositoryTests.runTheWholeStory(on: live)
        try live.execute(.recordAccount(AccountRecord(username: "guitai07", role: .counterClerk, displayName: "柜台七", passwordHash: Self.hash,
                                                      workplace: "中国工商银行北京朝阳支行")),
                         by: .system("setup"), context: CardRepositoryTests.context)
        let liveState = live.state, liveSequence = live.sequence
        live.close()

        let site = try newSite()
        let fresh = try open(site)
        defer { fresh.close() }
        #expect(fresh.stateBuiltWithIndex)
        #expect(!fresh.usedSnapshot && fresh.sequence == liveSequence)
        #expect(fresh.replayedAtOpen == Int(fresh.sequence))
        #expect(fresh.sharedIndex.position == fresh.sequence)
        #expect(fresh.state.withoutShared == liveState.withoutShared)
        #expect(fresh.state.accounts["guitai07"]?.workplace == "中国工商银行北京朝阳支行")
        #expect(fresh.state.persons.count == liveState.persons.count)
        #expect(fresh.state.applications["SB20261121000001"]?.status == .inProduction)

        // The way before: the index, then a replay of the whole journal that skips what it holds.
        let replayed = try ProjectionLoader<CardProjection>(data: site)
            .load(usingSnapshot: { _ in false }) { $0.attach(fresh.sharedIndex, at: $1) }
        #expect(replayed.model.state.withoutShared == fresh.state.withoutShared)
        #expect(replayed.sequence == fresh.sequence)

        // A second start has an index already: it replays what the index does not hold, as before.
        let again = try open(site)
        #expect(!again.stateBuiltWithIndex)
        #expect(again.state.withoutShared == fresh.state.withoutShared)
        again.close()
    }

    /// Not JSON at all (the index passes it over; the state's replay stops at it), and a
    /// person's record cut short (the index's decoding, on another thread, stops at it):
    /// either way the start fails naming that record, among thousands decoded in chunks.
    @Test(arguments: ["not an event", #"{"kind":"personRecorded","data":{"name":"#])
    func aRecordThatDoesNotDecodeIsReportedByItsSequenceNumber(payload: String) throws {
        let live = try open(original)
        _ = try live.executeBatch(CardRepositoryTests.demo.units.map { .recordUnit($0) }, by: .system("seed"),
                                  context: CardRepositoryTests.context)
        _ = try DemoSeeder(repository: live, context: CardRepositoryTests.context).seedGenerated(count: 2_500, units: ["10000001"])
        let sequence = live.sequence + 1
        live.close()
        // After it, 1,500 persons recorded again (their records copied), so that it is decoded
        // in a full chunk, on another thread.
        var copies: [JournalEntry] = []
        try original.reader(from: sequence - 1_500).forEach(stopAfterBatch: nil) { _, type, _, payload in
            copies.append(JournalEntry(type: type, payload: Array(payload)))
        }
        let journal = try Journal(directory: original.journal)
        try journal.appendBatch([JournalEntry(type: EventCodec.eventRecordType, payload: Array(payload.utf8))] + copies)
        journal.close()

        let site = try newSite()
        #expect {
            try open(site)
        } throws: { error in
            (error as? UndecodableEvent)?.sequence == sequence
        }
    }
}
