import CardDomain
import CardResources
import CardStore
import Foundation
import Synchronization
import Journal
import JournalTestSupport
import PostgresJournal
import SystemPackage
import TestImages
import Testing

/// Two sites on one PostgreSQL journal (issue 31): each has its own data directory and
/// index, fed from the shared journal, and decisions keep their guarantee across them.
@Suite struct TwoSitesTests {
    let url: String
    let database: String
    let folder: String

    init() throws {
        let cluster = try PostgresTestCluster.shared.get()
        database = try cluster.freshDatabase()
        url = cluster.url(database: database)
        try PostgresJournal.install(try PostgresLocation(url), appRole: nil)
        folder = try TemporaryFolder.make("sscard-two-sites")
    }

    /// What a site answers about every demo person and their applications: two sites'
    /// states are never == (each holds its own index), so they are compared by their answers.
    static func answers(_ state: CardState) -> [String] {
        CardRepositoryTests.demo.persons.map { person in
            let record = state.person(person.documentNumber).map { "\($0)" } ?? "nobody"
            let applications = state.applications(ofPerson: person.documentNumber).map { "\($0)" }
            return ([record] + applications).joined(separator: "|")
        } + state.units.keys.sorted().map { "\(state.units[$0]!)" } + state.accounts.keys.sorted()
    }

    func site(_ name: String) throws -> CardRepository {
        try CardRepository(data: DataDirectory(FilePath(folder).appending(name), journalURL: url), reference: CardRepositoryTests.reference)
    }

    @Test func aSecondSiteBuildsItsIndexFromTheSharedJournalAndSeesTheSameState() throws {
        let first = try site("a")
        try CardRepositoryTests.runTheWholeStory(on: first)
        let second = try site("b")
        #expect(Self.answers(second.state) == Self.answers(first.state))
        #expect(second.sharedIndex.position == first.sequence, "the new site's index was built from PostgreSQL")
        #expect(second.sharedIndex.person(CardRepositoryTests.retiree.documentNumber) == CardRepositoryTests.retiree)
        #expect(second.sharedIndex.application("SB20261121000001")?.status == .inProduction)
        #expect(!FileManager.default.fileExists(atPath: folder + "/b/journal"), "a site on PostgreSQL keeps no segment journal")
        // A 变更记录 at the new site reads the records its index names, by position.
        let retiree = CardRepositoryTests.retiree.documentNumber
        let named = try #require(second.sharedIndex.historyEntries([(.person, retiree)]))
        #expect(named.through == first.sequence && !named.entries.isEmpty && named.entries.allSatisfy { $0.place == nil })
        let wholeJournal = DataDirectory(FilePath(folder).appending("no-index"), journalURL: url)
        let history = try PersonHistory(documentNumber: retiree, data: second.data).entries
        #expect(history == (try PersonHistory(documentNumber: retiree, data: wholeJournal).entries))
        #expect(history.map(\.what).contains { $0.hasPrefix("提交申请") }, "\(history)")

        // A record appended at one site is read at the other on its next refresh.
        let office = Actor(username: "houtai01", role: .backOffice)
        try first.execute(.changeStatus(applicationID: "SB20261121000001", to: .produced), by: office, context: CardRepositoryTests.context)
        try second.refresh()
        #expect(second.state.applications["SB20261121000001"]?.status == .produced)
        #expect(second.sequence == first.sequence)
        // A restart of the second site starts from its own index and snapshot.
        try second.saveSnapshot()
        second.close()
        let again = try site("b")
        #expect(again.usedSnapshot && again.replayedAtOpen == 0)
        #expect(Self.answers(again.state) == Self.answers(first.state))
    }

    @Test func clerksAtTwoSitesRacingForOnePersonRecordOneApplication() throws {
        let seed = try site("a")
        _ = try seed.executeBatch(CardRepositoryTests.demo.units.map { .recordUnit($0) } + CardRepositoryTests.demo.persons.map { .recordPerson($0) },
                                  by: .system("seed"), context: CardRepositoryTests.context)
        seed.close()
        let number = CardRepositoryTests.retiree.documentNumber
        // Each thread uses its own site only.
        nonisolated(unsafe) let sites = [try site("a"), try site("b")]
        let outcomes = Mutex<[Bool]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { which in
            let clerk = Actor(username: "guitai0\(which + 1)", role: .counterClerk, assisting: number)
            let recorded = (try? sites[which].execute(.submitApplication(personNumber: number, form: CardRepositoryTests.form()),
                                                      by: clerk, context: CardRepositoryTests.context)) != nil
            outcomes.withLock { $0.append(recorded) }
        }
        #expect(outcomes.withLock { $0.filter { $0 }.count } == 1, "exactly one site records the application")
        for site in sites { try site.refresh() }
        #expect(Self.answers(sites[0].state) == Self.answers(sites[1].state))
        #expect(sites[0].state.applications(ofPerson: number).count == 1)
        var submissions = 0
        try PostgresJournal(try PostgresLocation(url)).forEachRecord(after: 0) { record, _ in
            if String(decoding: record.payload, as: UTF8.self).contains("\"applicationSubmitted\"") { submissions += 1 }
            return true
        }
        #expect(submissions == 1, "the journal holds one submission")
    }

    /// An idle site does not query the server at every screen tick: it reads when another
    /// site's append notifies it (LISTEN), and otherwise every few seconds.
    @Test func anIdleSiteReadsWhenNotifiedNotAtEveryTick() throws {
        let first = try site("a")
        _ = try first.executeBatch(CardRepositoryTests.demo.units.map { .recordUnit($0) }, by: .system("seed"), context: CardRepositoryTests.context)
        let journal = try PostgresJournal(try PostgresLocation(url))
        #expect(journal.mayHaveNews(after: 0), "the first look reads: listening starts there")
        #expect(!journal.mayHaveNews(after: journal.lastSequence), "nothing new and no notification: no read")
        try first.execute(.recordPerson(CardRepositoryTests.retiree), by: .system("seed"), context: CardRepositoryTests.context)
        let deadline = ContinuousClock.now + .seconds(2)
        var woken = false
        while !woken, ContinuousClock.now < deadline {
            woken = journal.mayHaveNews(after: first.sequence - 1)
            if !woken { usleep(5_000) }
        }
        #expect(woken, "the append's notification wakes the idle site well before its 3 s poll")
        // Its own position is not news: a notification up to where it stands is not a read.
        #expect(!journal.mayHaveNews(after: first.sequence))
    }

    /// A photo accepted at one site is in the shared table before any record names it, and
    /// another site reads it from there, checked against its SHA-256.
    @Test func aPhotoAcceptedAtOneSiteIsReadAtAnother() throws {
        let first = DataDirectory(FilePath(folder).appending("a"), journalURL: url)
        let second = DataDirectory(FilePath(folder).appending("b"), journalURL: url)
        try first.create()
        try second.create()
        let source = folder + "/me.png"
        let bytes = TestImages.png(width: 358, height: 441, bytes: 30_000)
        try Data(bytes).write(to: URL(fileURLWithPath: source))
        let requirement = try #require(try CardResources.photoRequirements().first { $0.id == "cardPhoto" })
        let reference = try PhotoStore(data: first).accept(path: source, requirement: requirement).get()
        #expect(try PhotoStore(data: second).bytes(of: reference) == bytes)
        #expect(FileManager.default.fileExists(atPath: PhotoStore(data: second).path(of: reference).string), "kept at the second site")

        // Bytes on the server that are not the photo named are refused, not served.
        var other = reference
        other.sha256 = String(repeating: "0", count: 64)
        try PostgresTestCluster.shared.get().sql(
            "INSERT INTO photos VALUES ('\(other.sha256)', (SELECT bytes FROM photos WHERE sha256 = '\(reference.sha256)'), 0)",
            database: database)
        #expect(throws: PhotoStore.PhotoMismatch.self) { try PhotoStore(data: second).bytes(of: other) }
        // Photos, like the journal, cannot be changed or removed.
        #expect(throws: (any Error).self) {
            try PostgresTestCluster.shared.get().sql("DELETE FROM photos", database: database)
        }
    }
}
