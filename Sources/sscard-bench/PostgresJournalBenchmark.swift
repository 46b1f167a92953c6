import ArgumentParser
import Foundation
import Journal
import PostgresJournal
import SystemPackage

/// `sscard-bench postgres --journal URL --data-dir D`: durable appends of one record on a
/// PostgreSQL journal (made empty with `sscard journal init-postgres`) and on a segment
/// journal in D, side by side; then how soon an append at one site wakes another site's
/// listener. Compare the appends with `pgbench -f` of a one-row INSERT on the same server.
struct PostgresJournalBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postgres",
        abstract: "Appends and two-site visibility on a PostgreSQL journal, beside the segment journal.")

    @Option(help: "An empty PostgreSQL journal (sscard journal init-postgres).")
    var journal: String

    @Option(name: .customLong("data-dir"), help: "An empty folder for the segment journal.")
    var dataDirectory: String

    @Option(help: "Appends per backend.")
    var appends: Int = 1_000

    @Option(help: "Visibility trials.")
    var trials: Int = 200

    func run() throws {
        let location = try PostgresLocation(journal)
        let postgres = try PostgresJournal(location)
        let segments = try Journal(directory: FilePath(dataDirectory).appending("journal"))
        let payload = [UInt8](repeating: 0x61, count: 300)
        for (name, store) in [("segment journal", segments as any JournalStore), ("postgresql", postgres)] {
            var latencies = LatencyRecorder()
            let started = LatencyRecorder.now()
            for _ in 0..<appends {
                let start = LatencyRecorder.now()
                try store.appendBatch([JournalEntry(type: 1, payload: payload)])
                latencies.record(since: start)
            }
            let seconds = Double(LatencyRecorder.now() - started) / 1e9
            let padded = name.padding(toLength: 16, withPad: " ", startingAt: 0)
            print(padded + String(format: " %8.0f appends/s  p50 %7.1f µs  p99 %7.1f µs  (1 writer, 300-byte records, durable)",
                                  Double(appends) / seconds, latencies.percentile(0.5), latencies.percentile(0.99)))
        }
        let listener = try JournalListener(location)
        let other = try PostgresJournal(location)
        var visibility = LatencyRecorder()
        for _ in 0..<trials {
            let start = LatencyRecorder.now()
            let appended = try postgres.appendBatch([JournalEntry(type: 1, payload: payload)])
            while true {
                let wake = listener.wait(timeout: 1)
                if case .appended(let position) = wake, position >= appended.upperBound { break }
                if wake == .timedOut { break }
            }
            var seen = false
            try other.forEachRecord(after: appended.upperBound - 1) { _, _ in seen = true; return false }
            if seen { visibility.record(since: start) } else { visibility.record(seconds: 1) }
        }
        print(String(format: "two sites        visibility p50 %.1f ms, p99 %.1f ms (append, wake-up, read by position; %d trials)",
                     visibility.percentile(0.5) / 1000, visibility.percentile(0.99) / 1000, trials))
    }
}
