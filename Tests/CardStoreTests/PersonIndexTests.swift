import CardDomain
import CardResources
@testable import CardStore
import Foundation
import JournalTestSupport
import SystemPackage
import Testing

/// The shared person index: derived from the journal, held once per machine, and always
/// either at a journal position it records or rebuilt.
@Suite struct PersonIndexTests {
    static let reference = CardRepositoryTests.reference
    static let context = CardRepositoryTests.context
    static let people = GeneratedPeople(reference: reference)
    let root: FilePath

    init() throws {
        root = FilePath(try TemporaryFolder.make("sscard-index-test"))
    }

    var data: DataDirectory { DataDirectory(root) }

    func open() throws -> CardRepository {
        try CardRepository(data: data, reference: Self.reference)
    }

    /// The demo units, then `count` generated people at them, as an import records them.
    func seed(_ repository: CardRepository, count: Int) throws {
        _ = try repository.executeBatch(CardRepositoryTests.demo.units.map { .recordUnit($0) }, by: .system("seed"), context: Self.context)
        _ = try DemoSeeder(repository: repository, context: Self.context).seedGenerated(count: count, units: ["10000001", "10000002"])
    }

    /// Every person as a replay of the whole journal into memory (no index) holds them.
    func replayedPersons() throws -> PersonDirectory {
        try ProjectionLoader<CardProjection>(data: DataDirectory(FilePath(try copyOfJournalOnly()))).load().model.state.persons
    }

    /// A data directory with this one's journal and nothing else, so its replay uses no index or snapshot.
    func copyOfJournalOnly() throws -> String {
        let copy = try TemporaryFolder.make("sscard-index-copy")
        try FileManager.default.copyItem(atPath: data.journal.string, toPath: copy + "/journal")
        return copy
    }

    @Test func aProcessHoldsOnlyTheRecentPersonsAndTheIndexAnswersForTheRest() throws {
        let repository = try open()
        try seed(repository, count: 5_000)
        #expect(repository.state.persons.count == 5_000)
        #expect(repository.state.persons.changes.count < RepositoryUpkeep.interactive.unsettledPersonLimit)
        #expect(repository.sharedIndex.position > 4_000)
        // Private like the journal: the folder 0700, its files 0600.
        let folderMode = try FileManager.default.attributesOfItem(atPath: data.index.string)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        for file in ["data.mdb", "lock.mdb"] {
            let mode = try FileManager.default.attributesOfItem(atPath: data.index.appending(file).string)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file)")
        }
        let expected = try replayedPersons()
        #expect(expected.count == 5_000)
        for number in expected.changes.keys { #expect(repository.state.person(number) == expected.person(number)) }
        #expect(try repository.sharedIndex.differences(from: try ProjectionLoader<CardProjection>(
            data: DataDirectory(FilePath(try copyOfJournalOnly()))).load(through: repository.sharedIndex.position).model.state.persons).isEmpty)
    }

    @Test func nameSearchPagesInAStableOrderAcrossTheIndexAndRecentChanges() throws {
        let repository = try open()
        try seed(repository, count: 3_000)
        try repository.saveSnapshot()
        let surname = repository.state.person(Self.people.person(7, units: ["10000001"]).documentNumber)!.name.prefix(1)
        // A recent change: one of them renamed, held by this process and not yet in the index.
        let first = repository.state.persons.named(prefix: String(surname), limit: 1)[0]
        var renamed = repository.state.person(first.number)!
        renamed.name = String(surname) + "乙乙"
        try repository.execute(.recordPerson(renamed), by: .system("import"), context: Self.context)
        #expect(repository.state.persons.changes[renamed.documentNumber] != nil)

        var pages: [[PersonKey]] = []
        var after: PersonKey?
        repeat {
            pages.append(repository.state.persons.named(prefix: String(surname), after: after, limit: 25))
            after = pages.last!.last
        } while pages.last!.count == 25
        let all = pages.flatMap { $0 }
        let expected = try replayedPersons().named(prefix: String(surname), limit: .max)
        #expect(all.count > 25)
        #expect(all == expected)
        #expect(all == all.sorted())
        #expect(all.filter { $0.number == renamed.documentNumber }.map(\.value) == [renamed.name])
        // A page's records are read together, in the order asked, the renamed one from memory.
        let records = repository.state.persons.persons(all.map(\.number) + ["110101190001010000"])
        #expect(records == all.map { repository.state.person($0.number)! })
        #expect(records.contains(renamed))
        // The same pages read whole from the name index, in one pass each.
        var wholePages: [[PersonRecord]] = []
        var afterPerson: PersonKey?
        repeat {
            wholePages.append(repository.state.persons.persons(namedWith: String(surname), after: afterPerson, limit: 25))
            afterPerson = wholePages.last!.last.map(PersonKey.init(nameOf:))
        } while wholePages.last!.count == 25
        #expect(wholePages.flatMap { $0 } == records.filter { $0.documentNumber != "110101190001010000" })
        #expect(wholePages.map(\.count) == pages.map(\.count))
    }

    /// A bulk writer holds more persons between index transactions; what it leaves is the same.
    @Test func howOftenPersonsMoveIntoTheIndexIsTheRepositorysUpkeep() throws {
        let repository = try open()
        repository.upkeep = RepositoryUpkeep(unsettledPersonLimit: 5_000, snapshotInterval: 100_000)
        try seed(repository, count: 3_000)
        #expect(repository.state.persons.changes.count == 3_000)
        #expect(repository.sharedIndex.position < 10)
        repository.upkeep = RepositoryUpkeep(unsettledPersonLimit: 500, snapshotInterval: 100_000)
        try repository.refresh()
        #expect(repository.state.persons.changes.isEmpty)
        #expect(repository.sharedIndex.position == repository.sequence)
        #expect(try ReadModelVerifier(data: data).verify().differences.isEmpty)
    }

    @Test func aDeletedIndexIsRebuiltAtTheNextStartAndNothingIsLost() throws {
        let repository = try open()
        try seed(repository, count: 2_500)
        let before = repository.state
        repository.close()
        try FileManager.default.removeItem(atPath: data.index.string)
        let reopened = try open()
        #expect(reopened.sharedIndex.count == 2_500)
        #expect(reopened.state == before)
        #expect(try ReadModelVerifier(data: data).verify().differences.isEmpty)
    }

    @Test func anIndexOverAnotherJournalIsNoticedAndRebuilt() throws {
        let repository = try open()
        try seed(repository, count: 100)
        repository.close()
        // The journal is replaced by another one with fewer, different records.
        try FileManager.default.removeItem(atPath: data.journal.string)
        try? FileManager.default.removeItem(atPath: data.snapshots.string)
        let replaced = try open()
        #expect(replaced.state.persons.count == 0)
        try seed(replaced, count: 10)
        #expect(replaced.state.persons.count == 10)
        replaced.close()
        #expect(try ReadModelVerifier(data: data).verify().differences.isEmpty)
    }

    /// A process writes the persons it holds straight from memory when the index is where
    /// it left it, and catches up from the journal when another process moved it; both
    /// leave the index equal to a replay, and the last person recorded with a number keeps it.
    @Test func personsGoFromMemoryOrFromTheJournalAndTheIndexAgreesEitherWay() throws {
        let first = try open()
        try seed(first, count: 100)
        try first.saveSnapshot()
        let second = try open()
        let shared = "13912345678"
        var earlier = Self.people.person(1, units: ["10000001", "10000002"])
        earlier.mobile = shared
        var later = Self.people.person(2, units: ["10000001", "10000002"])
        later.mobile = shared
        try first.execute(.recordPerson(earlier), by: .system("import"), context: Self.context)
        try second.execute(.recordPerson(later), by: .system("import"), context: Self.context)
        try second.saveSnapshot()
        #expect(second.sharedIndex.position == second.sequence)
        try first.refresh()
        try first.saveSnapshot()
        #expect(try ReadModelVerifier(data: data).verify().differences.isEmpty)
        #expect(first.state.person(matching: shared)?.documentNumber == later.documentNumber)
        var third = Self.people.person(3, units: ["10000001", "10000002"])
        third.residenceAddress += "东"
        try first.execute(.recordPerson(third), by: .system("import"), context: Self.context)
        try first.saveSnapshot()
        #expect(try ReadModelVerifier(data: data).verify().differences.isEmpty)
        #expect(second.state.person(third.documentNumber) == third)
    }

    @Test func verifyNamesAPersonTheIndexHoldsWrongly() throws {
        let repository = try open()
        try seed(repository, count: 50)
        try repository.saveSnapshot()
        let number = Self.people.person(3, units: ["10000001", "10000002"]).documentNumber
        var wrong = repository.state.person(number)!
        wrong.name = "错误"
        try repository.sharedIndex.environment.write { transaction in
            try SharedIndex.store(wrong, in: transaction, repository.sharedIndex.environment.tables)
        }
        let differences = try ReadModelVerifier(data: data).verify().differences
        #expect(differences.contains { $0.contains(PrivacyMask.identityNumber(number)) && $0.contains("another record") })
        #expect(!differences.joined().contains(number))
    }
}
