import Foundation
import Journal
import JournalTestSupport
@testable import PostgresJournal
import Testing

/// The journal on a real PostgreSQL server is append-only for everyone, changes made behind
/// the triggers' back are caught by the hash chain, a lost connection never appends twice,
/// and a password never travels in a URL or a readable file.
@Suite struct PostgresAppendOnlyTests {
    let cluster: PostgresTestCluster
    let database: String

    init() throws {
        cluster = try PostgresTestCluster.shared.get()
        database = try cluster.freshDatabase()
    }

    func journal(as user: String = "postgres") throws -> PostgresJournal {
        try PostgresJournal(PostgresLocation(cluster.url(database: database, user: user)))
    }

    func seeded() throws -> PostgresJournal {
        // Roles are the cluster's: another test may have made it already.
        try? cluster.sql("CREATE ROLE sscard_site LOGIN")
        try PostgresJournal.install(PostgresLocation(cluster.url(database: database)), appRole: "sscard_site")
        let journal = try journal()
        try journal.appendBatch([JournalEntry(type: 1, payload: Array("甲".utf8)), JournalEntry(type: 1, payload: Array("乙".utf8))])
        try journal.appendBatch([JournalEntry(type: 2, payload: Array("丙".utf8))])
        return journal
    }

    @Test func theSitesRoleMayOnlyReadAndAppendAndTheTriggersStopEvenTheOwner() throws {
        _ = try seeded()
        let site = try journal(as: "sscard_site")
        #expect(try site.appendBatch([JournalEntry(type: 3, payload: [1])]) == 4...4)
        #expect(try site.records().count == 4)
        for statement in ["UPDATE journal SET payload = '\\x00'", "DELETE FROM journal", "TRUNCATE journal",
                          "UPDATE journal_head SET position = 0", "INSERT INTO journal SELECT * FROM journal LIMIT 0"] {
            #expect(throws: PostgresJournalTests.Refused.self, "\(statement)") {
                do { try cluster.sql(statement, database: database, user: "sscard_site") } catch { throw PostgresJournalTests.Refused() }
            }
        }
        for statement in ["UPDATE journal SET payload = '\\x00'", "DELETE FROM journal WHERE position = 1", "TRUNCATE journal"] {
            #expect(throws: PostgresJournalTests.Refused.self, "owner: \(statement)") {
                do { try cluster.sql(statement, database: database) } catch { throw PostgresJournalTests.Refused() }
            }
        }
        #expect(try site.records().count == 4)
    }

    @Test func aRowChangedWithTheTriggersOffIsCaughtByTheChain() throws {
        let journal = try seeded()
        try cluster.sql("ALTER TABLE journal DISABLE TRIGGER ALL; UPDATE journal SET payload = '\\xe4b881', crc32c = \(JournalChain.crc(Array("丁".utf8))) WHERE position = 2; ALTER TABLE journal ENABLE TRIGGER ALL",
                        database: database)
        #expect(throws: PostgresJournalError.damaged(position: 2, reason: "the hash chain is broken: a record was changed, removed or moved")) {
            try journal.records()
        }
        try cluster.sql("ALTER TABLE journal DISABLE TRIGGER ALL; DELETE FROM journal WHERE position = 2; ALTER TABLE journal ENABLE TRIGGER ALL",
                        database: database)
        #expect(throws: PostgresJournalError.damaged(position: 2, reason: "the next row is at position 3: records are missing")) {
            try journal.records()
        }
    }

    @Test func recordsReadByPositionAreCheckedAloneAndAMissingOneIsSaid() throws {
        let journal = try seeded()
        #expect(try journal.records(at: [1, 3]) == [try journal.records()[0].record, try journal.records()[2].record])
        #expect(throws: JournalRecordMissing(sequence: 4)) { try journal.records(at: [3, 4]) }
        try cluster.sql("ALTER TABLE journal DISABLE TRIGGER ALL; UPDATE journal SET payload = '\\xe4b881', crc32c = \(JournalChain.crc(Array("丁".utf8))) WHERE position = 3; ALTER TABLE journal ENABLE TRIGGER ALL",
                        database: database)
        #expect(throws: PostgresJournalError.damaged(position: 3, reason: "the record does not match its hash")) {
            try journal.records(at: [1, 3])
        }
        try cluster.sql("ALTER TABLE journal DISABLE TRIGGER ALL; UPDATE journal SET crc32c = 7 WHERE position = 1; ALTER TABLE journal ENABLE TRIGGER ALL",
                        database: database)
        #expect(throws: PostgresJournalError.damaged(position: 1, reason: "the payload does not match its CRC")) {
            try journal.records(at: [1])
        }
    }

    @Test func anAppendWhoseConnectionDropsIsLookedUpAndNeverAppendedTwice() throws {
        let journal = try seeded()
        // The connection is cut between the decision and the append: the batch is looked up
        // by its record id, found missing, and reported as not appended.
        #expect(throws: PostgresJournalError.self) {
            try journal.append(deciding: { _ in
                try cluster.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' AND pid <> pg_backend_pid()")
                return [JournalEntry(type: 5, payload: [5])]
            })
        }
        #expect(try journal.records().count == 3)
        // A batch that did commit is found by its first record's id, so a retry adds nothing.
        let appended = try journal.appendBatch([JournalEntry(type: 6, payload: [6])])
        let id = try #require(try cluster.sql("SELECT record_id FROM journal WHERE position = \(appended.lowerBound)", database: database))
        #expect(try journal.positionOnceSettled(ofRecord: id) == appended.lowerBound)
        #expect(try journal.positionOnceSettled(ofRecord: UUID().uuidString.lowercased()) == nil)
    }

    @Test func aPasswordInTheURLOrAReadablePgpassIsRefused() throws {
        #expect(throws: PostgresLocation.Refusal.self) { try PostgresLocation("postgresql://sscard:secret@db1/sscard") }
        #expect(throws: PostgresLocation.Refusal.self) { try PostgresLocation("postgresql://sscard@db1/sscard?password=secret") }
        let pgpass = try TemporaryFolder.make("sscard-pgpass") + "/pgpass"
        FileManager.default.createFile(atPath: pgpass, contents: Data("db1:5432:sscard:sscard:secret\n".utf8), attributes: [.posixPermissions: 0o644])
        do {
            _ = try PostgresLocation("postgresql://sscard@db1/sscard", environment: ["PGPASSFILE": pgpass])
            Issue.record("a pgpass file others can read was accepted")
        } catch let refusal as PostgresLocation.Refusal {
            #expect(refusal.reason.contains("chmod 600 \(pgpass)"))
        }
        chmod(pgpass, 0o600)
        #expect(try PostgresLocation("postgresql://sscard@db1/sscard", environment: ["PGPASSFILE": pgpass]).conninfo.hasPrefix("postgresql://"))
    }

    @Test func aDatabaseWithoutTheJournalSaysHowToMakeIt() throws {
        #expect(throws: PostgresJournalError.self) { try journal() }
    }

    /// A site on an older build is refused by a journal a newer build has moved on, in words.
    @Test func aJournalOfANewerSchemaIsRefusedByAnOlderBuild() throws {
        _ = try seeded()
        try cluster.sql("UPDATE journal_head SET schema_version = \(PostgresSchema.version + 1)", database: database)
        #expect(throws: PostgresJournalError.newerSchema(found: Int64(PostgresSchema.version + 1), known: PostgresSchema.version)) {
            try journal()
        }
    }
}

enum PostgresJournalTests {
    struct Refused: Error {}
}
