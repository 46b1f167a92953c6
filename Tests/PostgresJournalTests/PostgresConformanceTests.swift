import Journal
import JournalTestSupport
@testable import PostgresJournal
import Testing

/// The backend conformance suite (`JournalConformance`) on a real PostgreSQL server: the
/// same checks as the segment journal's, each in a fresh database.
@Suite struct PostgresConformanceTests {
    let cluster: PostgresTestCluster
    let location: PostgresLocation
    let conformance: JournalConformance

    init() throws {
        cluster = try PostgresTestCluster.shared.get()
        location = try PostgresLocation(cluster.url(database: try cluster.freshDatabase()))
        try PostgresJournal.install(location, appRole: nil)
        let location = self.location
        conformance = JournalConformance { try PostgresJournal(location) }
    }

    @Test func appendsReadBackInOrderWithTheirBatches() throws { try conformance.appendsReadBackInOrderWithTheirBatches() }
    @Test func decisionsSeeEveryAppend() throws { try conformance.decisionsSeeEveryAppend() }
    @Test func racingDecidersRecordOneClaim() throws { try conformance.racingDecidersRecordOneClaim() }
    @Test func aLongJournalReadsBackWholeThroughATail() throws { try conformance.aLongJournalReadsBackWholeThroughATail() }
}
