import Journal
import JournalTestSupport
import SystemPackage
import Testing

/// The backend conformance suite (`JournalConformance`) on the segment journal.
@Suite struct SegmentConformanceTests {
    let conformance: JournalConformance

    init() throws {
        let directory = FilePath(try TemporaryFolder.make("sscard-conformance"))
        conformance = JournalConformance { try Journal(directory: directory) }
    }

    @Test func appendsReadBackInOrderWithTheirBatches() throws { try conformance.appendsReadBackInOrderWithTheirBatches() }
    @Test func decisionsSeeEveryAppend() throws { try conformance.decisionsSeeEveryAppend() }
    @Test func racingDecidersRecordOneClaim() throws { try conformance.racingDecidersRecordOneClaim() }
    @Test func aLongJournalReadsBackWholeThroughATail() throws { try conformance.aLongJournalReadsBackWholeThroughATail() }
}
