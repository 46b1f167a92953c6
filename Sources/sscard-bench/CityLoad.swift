import Foundation
import Journal
import PostgresJournal

/// Many sites deciding at a steady rate, as a city's counters do, rather than appending
/// without pause: each writer thread has its own journal handle and, like a clerk's
/// process, reads what the others appended before it decides. Each append is due at a fixed
/// time (open loop), and its latency counts from then, so a writer that falls behind
/// shows it.
struct CityLoad {
    var writers: Int
    var rate: Double
    var seconds: Double

    struct Outcome {
        var made: Int
        var failed: Int
        var latencies: LatencyRecorder
        var elapsed: Double
    }

    func run(open: @escaping () throws -> PostgresJournal) throws -> Outcome {
        let journals = try (0..<writers).map { _ in try open() }
        let interval = Double(writers) / rate
        let results = ThreadResults(writers)
        let started = LatencyRecorder.now()
        let perWriter = Int(seconds / interval)
        for (index, journal) in journals.enumerated() {
            nonisolated(unsafe) let journal = journal
            Thread {
                var latencies = LatencyRecorder()
                var failed = 0
                var seen = journal.lastSequence
                for number in 0..<perWriter {
                    // Writers are spread evenly over each interval.
                    let due = started + UInt64((Double(number) + Double(index) / Double(writers)) * interval * 1e9)
                    let now = LatencyRecorder.now()
                    if due > now { usleep(UInt32((due - now) / 1_000)) }
                    do {
                        _ = try journal.append { head in
                            try journal.forEachRecord(after: seen) { record, _ in
                                seen = record.sequence
                                return record.sequence < head
                            }
                            return [JournalEntry(type: 1, payload: PostgresJournalBenchmark.payload)]
                        }
                        latencies.record(since: due)
                    } catch {
                        failed += 1
                    }
                }
                results.finish(index, latencies, failed)
            }.start()
        }
        results.waitForAll()
        let merged = results.merged
        return Outcome(made: merged.latencies.samples.count, failed: merged.contended, latencies: merged.latencies,
                       elapsed: Double(LatencyRecorder.now() - started) / 1e9)
    }
}
