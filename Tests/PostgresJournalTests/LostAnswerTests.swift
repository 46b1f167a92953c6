import Foundation
import Journal
import JournalTestSupport
@testable import PostgresJournal
import Testing

/// The connection is cut after the server committed an append and before its answer
/// arrived (`CuttingProxy`): the writer looks its record up by id, reports the append as
/// made, and nothing is appended twice.
@Suite struct LostAnswerTests {
    @Test func anAppendWhoseAnswerIsLostAfterCommitIsFoundByItsRecordId() throws {
        let cluster = try PostgresTestCluster.shared.get()
        let database = try cluster.freshDatabase()
        try PostgresJournal.install(PostgresLocation(cluster.url(database: database)), appRole: nil)
        let proxy = try CuttingProxy(server: cluster.folder, port: cluster.port)
        let journal = try PostgresJournal(PostgresLocation("postgresql://postgres@/\(database)?host=\(proxy.folder)&port=\(cluster.port)"))
        try journal.appendBatch([JournalEntry(type: 1, payload: [1])])

        proxy.cutAfterAnswer(holding: "sscard_append")
        var decisions = 0
        let range = try journal.append { _ in
            decisions += 1
            return [JournalEntry(type: 2, payload: [2]), JournalEntry(type: 2, payload: [3])]
        }
        #expect(proxy.cuts == 1)
        #expect(decisions == 1)
        #expect(range == 2...3)
        #expect(try cluster.sql("SELECT count(*) FROM journal", database: database) == "3")
        // The writer goes on from the head it found.
        #expect(try journal.appendBatch([JournalEntry(type: 4, payload: [4])]) == 4...4)
        #expect(try journal.records().map(\.record.payload) == [[1], [2], [3], [4]])
    }
}
