import Foundation
import Journal
import JournalTestSupport
@testable import PostgresJournal
import Testing

/// Failover on one machine: a primary with a synchronous standby (`ReplicatedPostgres`),
/// clients appending through it (`FailoverRun`), then the primary killed and the standby
/// promoted. `FailoverChecker` proves from the final journal that nothing acknowledged was
/// lost and nothing failed was kept; the negative control proves it can see a loss.
@Suite(.serialized) struct FailoverTests {
    @Test func thePrimaryKilledMidAppendLosesNothingAcknowledgedAndTheOldPrimaryIsRefused() throws {
        let pair = try ReplicatedPostgres()
        var location = try PostgresLocation(pair.url())
        location.remembered = try TemporaryFolder.make("sscard-site") + "/journal-timeline"
        try PostgresJournal.install(location, appRole: nil)
        let run = FailoverRun(location)
        try run.waitUntil("appends are acknowledged") { run.log.acknowledged >= 15 }
        try pair.killPrimary()
        try pair.promoteStandby()
        let before = run.log.acknowledged
        try run.waitUntil("the clients append on the promoted standby") { run.log.acknowledged >= before + 15 }
        try run.stop()

        // The old primary comes back as a primary, on the old timeline: refused, alone or
        // listed first; the promoted standby is found behind it.
        try pair.startPrimary()
        do {
            _ = try PostgresJournal(try PostgresLocation(pair.url([pair.primaryFolder])))
            Issue.record("the old primary was accepted")
        } catch PostgresFailure.fenced(let reason) {
            #expect(reason.contains("timeline 1"))
        }
        let journal = try PostgresJournal(location)
        #expect(try pair.sql("SELECT pg_is_in_recovery()", in: pair.standbyFolder) == "f")
        #expect(try FailoverChecker(log: run.log, applied: run.applied).check(journal) == [])
        #expect(PostgresPrimary.readTimeline(location.remembered!)?.timeline == 2)
        #expect(run.log.acknowledged >= 30)
    }

    @Test func commitsWaitingForAStoppedStandbyEndAsUnknownNeverAsSaved() throws {
        let pair = try ReplicatedPostgres()
        let location = try PostgresLocation(pair.url())
        try PostgresJournal.install(location, appRole: nil)
        let run = FailoverRun(location, appendDeadline: .seconds(2))
        try run.waitUntil("appends are acknowledged") { run.log.acknowledged >= 20 }
        let receiver = try pair.walReceiverProcess()
        kill(receiver, SIGSTOP)
        // Commits now wait for the standby: the clients give their connections up at the
        // deadline (never cancelling), and say the outcome is unknown.
        try run.waitUntil("an append's outcome is unknown") { run.log.unknown >= 1 }
        try pair.killPrimary()
        kill(receiver, SIGCONT)
        try pair.promoteStandby()
        let before = run.log.acknowledged
        try run.waitUntil("the clients append on the promoted standby") { run.log.acknowledged >= before + 20 }
        try run.stop()
        let journal = try PostgresJournal(location)
        #expect(try FailoverChecker(log: run.log, applied: run.applied).check(journal) == [])
    }

    /// The negative control: a commit whose wait for the standby is cancelled reports success
    /// with only a warning. A client that takes that as saved loses the append at the
    /// failover, and the checker reports it; ours reports the outcome as unknown.
    @Test func aCancelledWaitForTheStandbyIsALossTheCheckerSees() throws {
        let pair = try ReplicatedPostgres()
        let location = try PostgresLocation(pair.url())
        try PostgresJournal.install(location, appRole: nil)
        let log = AppendLog()
        let saved = try PostgresJournal(location).append { _ in [JournalEntry(type: 7, payload: Array("saved".utf8))] }
        log.record("saved", .acknowledged(saved!.lowerBound))
        #expect(try PostgresServerState.read(from: PostgresJournal(location)).synchronousStandbys == 1)
        // The standby goes down: commits wait for it. (A stopped WAL receiver would still
        // find the WAL in its socket once continued; a down standby never gets it.)
        try pair.killStandby()
        let alone = try PostgresServerState.read(from: PostgresJournal(location))
        #expect(alone.synchronousStandbys == 0 && alone.synchronousStandbyNames == "*" && alone.records == 1)

        for (tag, trusting) in [("trusting", true), ("careful", false)] {
            nonisolated(unsafe) let journal = try PostgresJournal(location)
            journal.trustsWarnings = trusting
            let done = DispatchSemaphore(value: 0)
            Thread {
                do {
                    let range = try journal.append { _ in [JournalEntry(type: 7, payload: Array(tag.utf8))] }
                    log.record(tag, .acknowledged(range!.lowerBound))
                } catch {
                    log.record(tag, FailoverRun.outcome(of: error))
                }
                done.signal()
            }.start()
            try pair.waitUntil("the commit waits for the standby") {
                try pair.sql("SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity WHERE wait_event = 'SyncRep'", in: pair.primaryFolder) == "1"
            }
            #expect(done.wait(timeout: .now() + 30) == .success)
        }
        guard case .acknowledged = log.all["trusting"], case .unknown(let reason) = log.all["careful"] else {
            Issue.record("the outcomes were \(log.all)")
            return
        }
        #expect(reason.contains("warning"))

        try pair.killPrimary()
        try pair.startStandby()
        try pair.promoteStandby()
        let problems = try FailoverChecker(log: log).check(try PostgresJournal(location))
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("trusting was acknowledged") == true)
    }

    @Test func aSiteThatRemembersANewerTimelineRefusesTheServer() throws {
        let cluster = try PostgresTestCluster.shared.get()
        var location = try PostgresLocation(cluster.url(database: try cluster.freshDatabase()))
        try PostgresJournal.install(location, appRole: nil)
        let file = try TemporaryFolder.make("sscard-site") + "/journal-timeline"
        location.remembered = file
        _ = try PostgresJournal(location)
        let remembered = try #require(PostgresPrimary.readTimeline(file))
        #expect(remembered.timeline == 1)
        // A restarted site that wrote on timeline 2 of this cluster: the server is an old primary.
        PostgresPrimary.rememberTimeline((remembered.cluster, 2), in: file)
        #expect(throws: PostgresFailure.self) { try PostgresJournal(location) }
        // Another cluster's timelines are not compared: a journal copied to a new one starts afresh.
        PostgresPrimary.rememberTimeline((remembered.cluster + 1, 9), in: file)
        _ = try PostgresJournal(location)
    }
}
