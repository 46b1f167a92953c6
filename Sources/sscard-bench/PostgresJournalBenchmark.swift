import ArgumentParser
import Foundation
import Journal
import PostgresJournal
import SystemPackage

/// `sscard-bench postgres --journal URL --data-dir D`: durable appends of one record on a
/// PostgreSQL journal (made empty with `sscard journal init-postgres`), with 1 and with 8
/// writers, beside the segment journal in D and, round by round, beside pgbench on the same
/// server: a one-row INSERT, and `sscard_append` called by pgbench itself (the server's part
/// of an append without our client); then how soon an append at one site wakes another.
struct PostgresJournalBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postgres",
        abstract: "Appends (1 and 8 writers) and two-site visibility on a PostgreSQL journal, beside the segment journal and pgbench.")

    @Option(help: "An empty PostgreSQL journal (sscard journal init-postgres), as a user that may also create a table for pgbench.")
    var journal: String

    @Option(name: .customLong("data-dir"), help: "An empty folder for the segment journal.")
    var dataDirectory: String

    @Option(help: "Appends per backend and writer count.")
    var appends: Int = 2_000

    @Option(help: "Visibility trials.")
    var trials: Int = 200

    @Option(help: "Rounds per writer count; each round runs the journal and both pgbench scripts one after the other.")
    var rounds: Int = 3

    @Option(name: .customLong("city-writers"), help: "Writers in the steady-rate run (each its own connection, like a site's clerk).")
    var cityWriters: Int = 32

    @Option(name: .customLong("city-rates"), help: "Appends per second asked of all the writers together, one run each.")
    var cityRates: String = "100,400"

    @Option(name: .customLong("city-seconds"), help: "How long each steady-rate run lasts.")
    var citySeconds: Double = 10

    static let payload = [UInt8](repeating: 0x61, count: 300)

    func run() throws {
        let location = try PostgresLocation(journal)
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let segments = try Journal(directory: FilePath(dataDirectory).appending("journal"))
        print("durable appends, 300-byte records")
        report("segment journal", writers: 1, try Self.appendRate(appends) { segments })
        let baseline = PgbenchBaseline(url: journal)
        for writers in [1, 8] {
            // This machine's speed drifts by a fifth within minutes: each round runs the
            // three side by side, and the ratio is taken within a round.
            var journalRates: [Double] = [], insertRates: [Double] = [], functionRates: [Double] = []
            for round in 0..<max(1, rounds) {
                let result = try Self.appendRate(appends, writers: writers) { try PostgresJournal(location) }
                if round == 0 { report("postgresql", writers: writers, result) }
                journalRates.append(result.rate)
                guard let insert = try baseline.run(clients: writers, transactions: appends / writers),
                      let function = try baseline.runAppendFunction(clients: writers, transactions: appends / writers) else {
                    print("pgbench          not found: install postgresql-contrib or put pgbench on PATH")
                    break
                }
                insertRates.append(insert)
                functionRates.append(function)
            }
            guard !insertRates.isEmpty else { continue }
            let clients = "\(writers) client\(writers == 1 ? "" : "s")"
            print(Self.line("postgresql", journalRates, "appends/s", "\(writers) writer\(writers == 1 ? "" : "s"): sscard's client"))
            print(Self.line("pgbench", insertRates, "tps      ", "\(clients), one-row INSERT of 300 bytes, same server"))
            print(Self.line("pgbench append", functionRates, "appends/s", "\(clients) calling sscard_append: the server's part alone"))
            let ratios = zip(journalRates, insertRates).map { $0 / $1 }
            let ceilings = zip(functionRates, insertRates).map { $0 / $1 }
            print("ratio            journal \(Self.format(ratios, decimals: 2))× pgbench; sscard_append alone \(Self.format(ceilings, decimals: 2))× (median; each round)")
        }
        for rate in cityRates.split(separator: ",").compactMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) {
            let outcome = try CityLoad(writers: cityWriters, rate: rate, seconds: citySeconds).run { try PostgresJournal(location) }
            print(String(format: "city load        %5.0f appends/s asked, %5.0f made  p50 %6.1f ms  p99 %6.1f ms  (%d writers, each reading the others' records before deciding; %d failed)",
                         rate, Double(outcome.made) / outcome.elapsed, outcome.latencies.percentile(0.5) / 1000,
                         outcome.latencies.percentile(0.99) / 1000, cityWriters, outcome.failed))
        }
        try visibility(location)
    }

    /// `name  median [each round] unit  (note)`.
    static func line(_ name: String, _ values: [Double], _ unit: String, _ note: String) -> String {
        name.padding(toLength: 16, withPad: " ", startingAt: 0) + " " + format(values, decimals: 0, width: 8) + " " + unit + "  (\(note))"
    }

    /// The median, then every value in brackets when there are several.
    static func format(_ values: [Double], decimals: Int, width: Int = 0) -> String {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        let median = sorted.isEmpty ? .nan : sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        let each = values.count > 1 ? " [" + values.map { String(format: "%.\(decimals)f", $0) }.joined(separator: " ") + "]" : ""
        return String(format: "%\(width).\(decimals)f", median) + each
    }

    private func report(_ name: String, writers: Int, _ result: (rate: Double, latencies: LatencyRecorder, contended: Int)) {
        print(name.padding(toLength: 16, withPad: " ", startingAt: 0)
              + String(format: " %8.0f appends/s  p50 %7.1f µs  p99 %7.1f µs  (%d writer%@", result.rate,
                       result.latencies.percentile(0.5), result.latencies.percentile(0.99), writers, writers == 1 ? "" : "s")
              + (result.contended > 0 ? ", \(result.contended) appends gave up after \(PostgresJournal.maximumTries) tries)" : ")"))
    }

    /// `writers` threads, each with its own journal handle, appending `total` records between them.
    static func appendRate(_ total: Int, writers: Int = 1,
                           open: () throws -> any JournalStore) throws -> (rate: Double, latencies: LatencyRecorder, contended: Int) {
        let stores = try (0..<writers).map { _ in try open() }
        let results = ThreadResults(writers)
        let started = LatencyRecorder.now()
        let threads = stores.enumerated().map { index, store in
            nonisolated(unsafe) let store = store
            return Thread {
                var latencies = LatencyRecorder()
                var contended = 0
                for _ in 0..<(total / writers) {
                    let start = LatencyRecorder.now()
                    do {
                        try store.appendBatch([JournalEntry(type: 1, payload: payload)])
                        latencies.record(since: start)
                    } catch {
                        if contended == 0 { FileHandle.standardError.write(Data("first failed append: \(error)\n".utf8)) }
                        contended += 1
                    }
                }
                results.finish(index, latencies, contended)
            }
        }
        threads.forEach { $0.start() }
        results.waitForAll()
        let seconds = Double(LatencyRecorder.now() - started) / 1e9
        let merged = results.merged
        return (Double(total - merged.contended) / seconds, merged.latencies, merged.contended)
    }

    private func visibility(_ location: PostgresLocation) throws {
        let postgres = try PostgresJournal(location)
        let listener = try JournalListener(location)
        let other = try PostgresJournal(location)
        var visibility = LatencyRecorder()
        for _ in 0..<trials {
            let start = LatencyRecorder.now()
            let appended = try postgres.appendBatch([JournalEntry(type: 1, payload: Self.payload)])
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

/// Each writer thread's latencies and give-ups, gathered when all have finished.
final class ThreadResults: @unchecked Sendable {
    private let lock = NSCondition()
    private var finished: [(LatencyRecorder, Int)] = []
    private let count: Int

    init(_ count: Int) { self.count = count }

    func finish(_ index: Int, _ latencies: LatencyRecorder, _ contended: Int) {
        lock.withLock { finished.append((latencies, contended)); lock.signal() }
    }

    func waitForAll() {
        lock.lock()
        while finished.count < count { lock.wait() }
        lock.unlock()
    }

    var merged: (latencies: LatencyRecorder, contended: Int) {
        lock.withLock {
            var all = LatencyRecorder()
            for (latencies, _) in finished { all.merge(latencies.samples) }
            return (all, finished.reduce(0) { $0 + $1.1 })
        }
    }
}
