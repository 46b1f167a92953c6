import Foundation
import Journal
import JournalTestSupport
@testable import PostgresJournal
import Synchronization
import Testing

/// Eight writers appending without pause: a writer that loses a round queues (the advisory
/// queue lock), so none gives up after its tries and every append lands once, in order.
@Suite struct AppendQueueTests {
    @Test func eightWritersAppendingWithoutPauseAllGetTheirTurn() throws {
        let cluster = try PostgresTestCluster.shared.get()
        let location = try PostgresLocation(cluster.url(database: try cluster.freshDatabase()))
        try PostgresJournal.install(location, appRole: nil)
        let acknowledged = Mutex<[UInt64]>([])
        let failures = Mutex<[String]>([])
        let done = DispatchGroup()
        for writer in 0..<8 {
            done.enter()
            Thread {
                defer { done.leave() }
                do {
                    let journal = try PostgresJournal(location)
                    for number in 0..<40 {
                        let range = try journal.appendBatch([JournalEntry(type: 3, payload: Array("w\(writer)-\(number)".utf8))])
                        acknowledged.withLock { $0.append(range.lowerBound) }
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }.start()
        }
        #expect(done.wait(timeout: .now() + 120) == .success)
        #expect(failures.withLock { $0 } == [])
        #expect(acknowledged.withLock { $0.sorted() } == Array(1...320))
        let records = try PostgresJournal(location).records().map(\.record)
        #expect(records.count == 320)
        #expect(Set(records.map(\.payload)).count == 320)
    }
}
