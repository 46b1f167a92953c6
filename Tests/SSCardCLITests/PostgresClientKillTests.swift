import Foundation
import JournalTestSupport
import Testing

/// A client killed with SIGKILL in the middle of appending to the PostgreSQL journal: the
/// server rolls its open transaction back, so the journal holds whole batches only, its
/// head is its last row, the chain checks, and another site reads it.
@Suite struct PostgresClientKillTests {
    @Test func aWriterKilledMidAppendLeavesWholeBatchesAndAValidChain() throws {
        let cluster = try PostgresTestCluster.shared.get()
        let database = try cluster.freshDatabase()
        let url = cluster.url(database: database)
        let directory = try SSCardProcess.temporaryDirectory()
        #expect(try SSCardProcess.run(["journal", "init-postgres", url]).status == 0)

        let writer = Process()
        writer.executableURL = SSCardProcess.executable
        writer.arguments = ["demo", "seed", "--persons", "20000", "--journal", url, "--data-dir", directory + "/a"]
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        let deadline = ContinuousClock.now + .seconds(120)
        while writer.isRunning, ContinuousClock.now < deadline,
              (Int(try cluster.sql("SELECT position FROM journal_head", database: database)) ?? 0) < 300 {
            usleep(10_000)
        }
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        #expect(writer.terminationReason == .uncaughtSignal, "the writer ended before it was killed")

        let head = try cluster.sql("SELECT position FROM journal_head", database: database)
        #expect(try cluster.sql("SELECT count(*) || ' ' || max(position) FROM journal", database: database) == "\(head) \(head)")
        #expect(try cluster.sql("SELECT ends_batch FROM journal WHERE position = \(head)", database: database) == "t")
        let verified = try SSCardProcess.run(["journal", "verify", "--journal", url])
        #expect(verified.status == 0 && verified.output.contains("records: \(head)"), "\(verified.output)\(verified.error)")
        let otherSite = ["--journal", url, "--data-dir", directory + "/b"]
        let rebuilt = try SSCardProcess.run(["index", "rebuild"] + otherSite)
        #expect(rebuilt.status == 0, "\(rebuilt.output)\(rebuilt.error)")
        let checked = try SSCardProcess.run(["index", "verify"] + otherSite)
        #expect(checked.status == 0, "\(checked.output)\(checked.error)")
    }
}
