import CardDomain
@testable import CardStore
import Foundation
import Journal
import JournalTestSupport
import SystemPackage
import Testing

/// A 变更记录 read through the index's history table: the same entries as a read of the
/// whole journal gives, for every person and account, whether the table is level with the
/// index or behind it, and never a wrong one when the table or its places are wrong.
@Suite struct HistoryIndexTests {
    let story: ApplicationIndexTests

    init() throws {
        story = try ApplicationIndexTests()
    }

    var data: DataDirectory { story.data }

    /// Units, persons, a collective submission, a retiree's application, settling the index
    /// after every command (the process stores its own records from memory, and the history
    /// table goes on with it); then, held in this process only, a status change for the
    /// retiree and a clerk's account, so the table is behind the journal.
    func told() throws -> CardRepository {
        let repository = try story.open(settlingEvery: 1)
        try story.story(repository)
        repository.upkeep = RepositoryUpkeep(unsettledPersonLimit: 1_000, snapshotInterval: 1_000_000)
        let submitted = try #require(repository.state.applicationInProgress(of: CardRepositoryTests.retiree.documentNumber))
        try repository.execute(.changeStatus(applicationID: submitted.id, to: .inProduction), by: Actor(username: "houtai02", role: .backOffice),
                               context: CardRepositoryTests.context)
        try repository.execute(.recordAccount(AccountRecord(username: "guitai07", role: .counterClerk, displayName: "柜台七",
                                                            passwordHash: FirstStartFeedTests.hash, workplace: "中国工商银行北京朝阳支行")),
                               by: .system("setup"), context: CardRepositoryTests.context)
        return repository
    }

    /// A data directory with this one's journal and nothing else: its histories read the whole journal.
    func journalOnly() throws -> DataDirectory {
        let copy = try TemporaryFolder.make("sscard-history-copy")
        try FileManager.default.copyItem(atPath: data.journal.string, toPath: copy + "/journal")
        return DataDirectory(FilePath(copy))
    }

    var everyone: [String] { UnitSubmissionTests.demo.persons.map(\.documentNumber) }

    func expectSameHistories(as whole: DataDirectory, _ comment: Comment) throws {
        for number in everyone {
            #expect(try PersonHistory(documentNumber: number, data: data).entries
                    == PersonHistory(documentNumber: number, data: whole).entries, "\(comment): \(number)")
        }
        for username in ["guitai07", CardRepositoryTests.retiree.documentNumber, "nobody"] {
            #expect(try AccountHistory(username: username, data: data).entries == AccountHistory(username: username, data: whole).entries,
                    "\(comment): \(username)")
        }
    }

    @Test func historiesFromTheTableAreTheWholeJournalsBehindTheIndexAndLevelWithIt() throws {
        let repository = try told()
        let whole = try journalOnly()
        let retiree = CardRepositoryTests.retiree.documentNumber
        let retireesHistory = try PersonHistory(documentNumber: retiree, data: whole).entries
        #expect(retireesHistory.map(\.what).contains { $0.hasPrefix("提交申请") }, "\(retireesHistory)")
        #expect(retireesHistory.last?.actor == "houtai02", "\(retireesHistory)")
        let behind = try #require(repository.sharedIndex.historyEntries([(.person, retiree)]))
        #expect(behind.through == repository.sharedIndex.position, "stored from memory, the table went on with the index")
        #expect(behind.through > 0 && behind.through < repository.sequence, "the last two records are held in this process only")
        try expectSameHistories(as: whole, "behind")

        try repository.sharedIndex.catchUp(journal: repository.journal)
        let level = try #require(repository.sharedIndex.historyEntries([(.person, retiree)]))
        #expect(level.through == repository.sequence)
        #expect(level.entries.count >= 2, "the person's record and their submission")
        #expect(Set(level.entries.map(\.sequence)).isSubset(of: retireesHistory.map(\.sequence)))
        #expect(level.entries.allSatisfy { $0.place?.sequence == $0.sequence }, "each with its place in the segments")
        try expectSameHistories(as: whole, "level")
        let report = try ReadModelVerifier(data: data).verify()
        #expect(report.differences.isEmpty, "\(report.differences)")
        #expect(report.historyPosition == repository.sequence && report.historyEntries > everyone.count)
    }

    @Test func wrongPlacesAndEntriesPastThePositionNeverGiveAWrongHistory() throws {
        let repository = try told()
        try repository.sharedIndex.catchUp(journal: repository.journal)
        let whole = try journalOnly()
        let retiree = CardRepositoryTests.retiree.documentNumber
        let tables = repository.sharedIndex.environment.tables
        let level = try #require(repository.sharedIndex.historyEntries([(.person, retiree)]))
        try repository.sharedIndex.environment.write { transaction in
            // Every place of the retiree's records points at the journal's first record.
            for entry in level.entries {
                try transaction.put(tables.history, HistoryKey.key(.person, retiree, entry.sequence),
                                    HistoryKey.value(JournalPlace(sequence: entry.sequence, segment: 1, offset: 64)))
            }
        }
        try expectSameHistories(as: whole, "wrong places")
        try repository.sharedIndex.environment.write { transaction in
            try transaction.put(tables.history, HistoryKey.key(.person, retiree, level.through + 5), [])
        }
        // The entry past the table's position is damage: the history reads the whole journal.
        #expect(try PersonHistory(documentNumber: retiree, data: data).entries == PersonHistory(documentNumber: retiree, data: whole).entries)
        #expect(repository.sharedIndex.damage != nil)
    }

    @Test func anEntryIsAKindASubjectASequenceNumberAndNothingOrAPlace() throws {
        let key = HistoryKey.key(.person, "110105195609090137", 57)
        let place = HistoryKey.value(JournalPlace(sequence: 57, segment: 1, offset: 4_096))
        for (key, value, fine) in [(key, [], true), (key, place, true),
                                   (key, Array(place.prefix(15)), false), (key, place + [0], false),
                                   (key, HistoryKey.value(JournalPlace(sequence: 57, segment: 58, offset: 4_096)), false),
                                   (key, HistoryKey.value(JournalPlace(sequence: 57, segment: 1, offset: -1)), false),
                                   (HistoryKey.key(.person, "1", 0), [], false), ([0x78] + key.dropFirst(), [], false),
                                   (Array(key.dropLast()), [], false), (Array(key.suffix(8)), [], false)] as [([UInt8], [UInt8], Bool)] {
            let problem = IndexValueCheck.problem(in: .history, key: key, stored: IndexValueCheck.sealed(key: key, value: value))
            #expect((problem == nil) == fine, "\(key) \(value)")
        }
    }

    @Test func aMissingEntryIsAnIndexDifference() throws {
        let repository = try told()
        try repository.sharedIndex.catchUp(journal: repository.journal)
        let retiree = CardRepositoryTests.retiree.documentNumber
        let level = try #require(repository.sharedIndex.historyEntries([(.person, retiree)]))
        try repository.sharedIndex.environment.write { transaction in
            try transaction.delete(repository.sharedIndex.environment.tables.history,
                                   HistoryKey.key(.person, retiree, level.entries.last!.sequence))
        }
        let report = try ReadModelVerifier(data: data).verify()
        #expect(report.differences.contains { $0.hasPrefix("the history table holds") }, "\(report.differences)")
    }

    @Test func aMarkWhoseRecordIsNotThisJournalsMakesTheIndexAgain() throws {
        let repository = try told()
        let index = repository.sharedIndex
        try index.catchUp(journal: repository.journal)
        let tables = index.environment.tables
        for wrong in [SharedIndex.Position(sequence: repository.sequence - 3, timestamp: 42),
                      SharedIndex.Position(sequence: repository.sequence + 3, timestamp: 42)] {
            try index.environment.write { transaction in
                try SharedIndex.saveHistoryPosition(wrong, place: nil, in: transaction, tables)
            }
            // One record more, so the catch-up has something to do and meets the mark.
            try repository.execute(.viewPerson(personNumber: CardRepositoryTests.retiree.documentNumber),
                                   by: Actor(username: "houtai01", role: .backOffice), context: CardRepositoryTests.context)
            try index.catchUp(journal: repository.journal)
            let report = try ReadModelVerifier(data: data).verify()
            #expect(report.differences.isEmpty, "\(wrong): \(report.differences)")
            #expect(report.historyPosition == repository.sequence && report.indexPosition == repository.sequence, "\(wrong)")
        }
    }

    @Test func aTableOverAnotherJournalIsNotBelieved() throws {
        let repository = try told()
        try repository.sharedIndex.catchUp(journal: repository.journal)
        let retiree = CardRepositoryTests.retiree.documentNumber
        repository.close()
        // Another journal under the same index: the demo's records alone, with other timestamps.
        try FileManager.default.removeItem(atPath: data.journal.string)
        let replacement = try CardRepository(data: DataDirectory(FilePath(try TemporaryFolder.make("sscard-history-other"))),
                                             reference: CardRepositoryTests.reference)
        _ = try replacement.executeBatch(UnitSubmissionTests.demo.persons.map { .recordPerson($0) }, by: .system("other"),
                                         context: CardRepositoryTests.context)
        try FileManager.default.copyItem(atPath: replacement.data.journal.string, toPath: data.journal.string)
        let expected = try PersonHistory(documentNumber: retiree, data: replacement.data).entries
        #expect(expected.map(\.actor) == ["other"])
        #expect(try PersonHistory(documentNumber: retiree, data: data).entries == expected)
    }
}
