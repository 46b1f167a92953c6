import Foundation
import Journal
import JournalTestSupport
import PostgresJournal
import Testing

/// Two sites on one PostgreSQL journal: an append at one wakes the other's listener, and a
/// listener whose connection is terminated reconnects and, reading by position, misses
/// nothing appended while it was away.
@Suite struct JournalListenerTests {
    let cluster: PostgresTestCluster
    let database: String
    let location: PostgresLocation

    init() throws {
        cluster = try PostgresTestCluster.shared.get()
        database = try cluster.freshDatabase()
        location = try PostgresLocation(cluster.url(database: database))
        try PostgresJournal.install(location, appRole: nil)
    }

    /// Waits for a wake-up other than a time-out, up to `seconds`.
    func wakeUp(_ listener: JournalListener, within seconds: Double) -> JournalListener.WakeUp {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let found = listener.wait(timeout: 0.1)
            if found != .timedOut { return found }
        }
        return .timedOut
    }

    @Test func anAppendAtOneSiteWakesTheOtherAndItReadsItByPosition() throws {
        let siteA = try PostgresJournal(location), siteB = try PostgresJournal(location)
        let listener = try JournalListener(location)
        #expect(listener.descriptor != nil)
        #expect(listener.wait(timeout: 0.05) == .timedOut)
        let appended = try siteA.appendBatch([JournalEntry(type: 1, payload: Array("甲站".utf8))])
        let started = Date()
        #expect(wakeUp(listener, within: 5) == .appended(appended.upperBound))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try siteB.records().map(\.record.payload) == [Array("甲站".utf8)])
    }

    @Test func aTerminatedListenerReconnectsAndNothingAppendedMeanwhileIsMissed() throws {
        let siteA = try PostgresJournal(location), siteB = try PostgresJournal(location)
        let listener = try JournalListener(location)
        try siteA.appendBatch([JournalEntry(type: 1, payload: [1])])
        #expect(wakeUp(listener, within: 5) == .appended(1))
        var read: UInt64 = 1
        try cluster.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = '\(database)'")
        // Appended while the listener is down: its notification is gone for good.
        try siteA.appendBatch([JournalEntry(type: 1, payload: [2]), JournalEntry(type: 1, payload: [3])])
        #expect(wakeUp(listener, within: 5) == .reconnected)
        try siteB.forEachRecord(after: read) { record, _ in read = record.sequence; return true }
        #expect(read == 3)
        try siteA.appendBatch([JournalEntry(type: 1, payload: [4])])
        #expect(wakeUp(listener, within: 5) == .appended(4))
    }
}
