import Foundation
import Journal
import JournalTestSupport
import SystemPackage
import Testing

/// `sscard journal copy` and `journal init-postgres` through the binary, on a real
/// PostgreSQL server: a hall's journal to PostgreSQL and back is the same journal.
@Suite struct JournalCopyCLITests {
    func records(_ data: String) throws -> [JournalRecord] {
        var all: [JournalRecord] = []
        try JournalReader(directory: FilePath(data + "/journal")).forEachFrame { record, _ in all.append(record); return true }
        return all
    }

    @Test func aHallsJournalGoesToPostgreSQLAndBackUnchanged() throws {
        let cluster = try PostgresTestCluster.shared.get()
        let database = try cluster.freshDatabase()
        let url = cluster.url(database: database)
        let directory = try SSCardProcess.temporaryDirectory()
        #expect(try SSCardProcess.run(["demo", "seed", "--data-dir", directory + "/hall", "--persons", "2500"]).status == 0)

        let notYet = try SSCardProcess.run(["journal", "copy", "--from", directory + "/hall", "--to", url])
        #expect(notYet.status == 1 && notYet.error.contains("init-postgres"), "\(notYet.error)")
        let made = try SSCardProcess.run(["journal", "init-postgres", url])
        #expect(made.status == 0, "\(made.error)")
        try expectRefusedWhileAClerkRuns(hall: directory + "/hall", to: url)
        let up = try SSCardProcess.run(["journal", "copy", "--from", directory + "/hall", "--to", url])
        #expect(up.status == 0 && up.output.contains("records from"), "\(up.error)")
        let down = try SSCardProcess.run(["journal", "copy", "--from", url, "--to", directory + "/back"])
        #expect(down.status == 0, "\(down.error)")

        let original = try records(directory + "/hall")
        #expect(original.count > 2500)
        #expect(try records(directory + "/back") == original)
        #expect(try SSCardProcess.run(["journal", "verify", "--data-dir", directory + "/back"]).status == 0)
        let report = ["unit", "report", "--unit", "10000002", "--data-dir"]
        #expect(try SSCardProcess.run(report + [directory + "/back"]).output == SSCardProcess.run(report + [directory + "/hall"]).output)

        let verified = try SSCardProcess.run(["journal", "verify", "--journal", url])
        #expect(verified.status == 0 && verified.output.contains("records: \(original.count)"), "\(verified.output)\(verified.error)")
        try cluster.sql("ALTER TABLE journal DISABLE TRIGGER ALL; UPDATE journal SET at = at + 1 WHERE position = 7; ALTER TABLE journal ENABLE TRIGGER ALL",
                        database: database)
        let broken = try SSCardProcess.run(["journal", "verify", "--journal", url])
        #expect(broken.status == 1 && broken.output.contains("records: 6 checked") && broken.error.contains("hash chain"),
                "\(broken.output)\(broken.error)")

        // A target that holds records is refused, and left as it was.
        let again = try SSCardProcess.run(["journal", "copy", "--from", directory + "/hall", "--to", url])
        #expect(again.status == 1 && again.error.contains("not empty"), "\(again.error)")
        let secret = try SSCardProcess.run(["journal", "copy", "--from", directory + "/hall", "--to", "postgresql://sscard:secret@localhost/sscard"])
        #expect(secret.status == 2 && secret.error.contains("pgpass"), "\(secret.error)")
        // Once the hall has been a site of the city's journal, forgetting to name it does not
        // open the hall's old journal again.
        #expect(try SSCardProcess.run(["accounts", "list", "--journal", url, "--data-dir", directory + "/hall"]).status == 0)
        let forgotten = try SSCardProcess.run(["accounts", "list", "--data-dir", directory + "/hall"])
        #expect(forgotten.status == 2 && forgotten.error.contains("没有指定日志"), "\(forgotten.output)\(forgotten.error)")
    }

    /// A clerk still at the hall (waiting at its login) holds the journal open: the copy is
    /// refused, since what that clerk appended later would never reach the target.
    func expectRefusedWhileAClerkRuns(hall: String, to url: String) throws {
        try SSCardProcess.withClerkAtLogin(["--data-dir", hall]) { clerk in
            let deadline = ContinuousClock.now + .seconds(30)
            while !JournalHolders.processes(holding: FilePath(hall + "/journal")).contains(clerk.processIdentifier), ContinuousClock.now < deadline {
                usleep(50_000)
            }
            let refused = try SSCardProcess.run(["journal", "copy", "--from", hall, "--to", url])
            #expect(refused.status == 1 && refused.error.contains("PID \(clerk.processIdentifier)"), "\(refused.error)")
        }
    }

    /// A first set-up's usual mistakes are refused with what to do, and leave the database as it was.
    @Test func initPostgresSaysWhatToDoAndCreatesNothingWhenRefused() throws {
        let cluster = try PostgresTestCluster.shared.get()
        let database = try cluster.freshDatabase()
        let url = cluster.url(database: database)
        let noRole = try SSCardProcess.run(["journal", "init-postgres", url, "--app-role", "sscard_nobody"])
        #expect(noRole.status == 1 && noRole.error.contains("CREATE ROLE sscard_nobody LOGIN") && noRole.error.contains("nothing was created"),
                "\(noRole.error)")
        #expect(try cluster.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database: database) == "0")
        #expect(try SSCardProcess.run(["journal", "init-postgres", url]).status == 0)
        let twice = try SSCardProcess.run(["journal", "init-postgres", url])
        #expect(twice.status == 1 && twice.error.contains("already holds a journal"), "\(twice.error)")
    }
}
