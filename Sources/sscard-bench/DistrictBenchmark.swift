import ArgumentParser
import CardDomain
import CardResources
import CardStore
import Foundation
import SystemPackage

/// `sscard-bench district --data-dir DIR --persons N`: a district's records on one server
/// (issue 16). DIR holds `sscard demo seed --persons N`. Times real clerk processes from
/// launch to the login screen (warm, and cold when run as root), 20 at once with their
/// memory, then look-ups by ID number and by name prefix, side by side with SQLite.
struct DistrictBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "district",
        abstract: "Measure start-up, memory and look-ups on a seeded district (sscard demo seed --persons N).")

    @Option(name: .customLong("data-dir"), help: "A data directory seeded with sscard demo seed --persons N.")
    var dataDirectory: String

    @Option(help: "How many generated persons the directory holds (for the look-ups and SQLite).")
    var persons: Int = 1_000_000

    @Option(help: "Clerk processes to start at once.")
    var clerks: Int = 20

    @Option(help: "Look-ups of each kind.")
    var lookups: Int = 1_000

    @Option(help: "Records appended by another process whose arrival this one times (each changes a sample person's mobile).")
    var visibilityTrials = 20

    @Flag(help: "Skip the SQLite side (it loads the same rows, which takes a while).")
    var noSqlite = false

    @Flag(help: "Use the SQLite database an earlier run left in the data directory.")
    var reuseSqlite = false

    @Flag(help: "Only the look-ups (no clerk processes).")
    var lookupsOnly = false

    func run() throws {
        if lookupsOnly { return try lookUps() }
        let processes = ClerkProcesses(dataDirectory: dataDirectory)
        // The first start also brings the index and snapshot up to the journal's end.
        processes.stop(try processes.start(1))
        try startUps(processes)
        try manyClerks(processes)
        try lookUps()
    }

    private func startUps(_ processes: ClerkProcesses) throws {
        var warm = LatencyRecorder()
        for _ in 0..<5 {
            let clerk = try processes.start(1)
            warm.record(seconds: clerk[0].loginAfter ?? .infinity)
            print(String(format: "  warm start: login screen after %.3f s, %@", clerk[0].loginAfter ?? -1,
                         describe(ClerkProcesses.Memory.of(clerk[0].process.processIdentifier))))
            processes.stop(clerk)
        }
        if ClerkProcesses.dropPageCache() {
            let clerk = try processes.start(1)
            print(String(format: "  cold start: login screen after %.3f s (page cache dropped), %@", clerk[0].loginAfter ?? -1,
                         describe(ClerkProcesses.Memory.of(clerk[0].process.processIdentifier))))
            processes.stop(clerk)
        } else {
            print("  cold start: not measured (dropping the page cache needs root)")
        }
        print(String(format: "start-up: p50 %.3f s, max %.3f s over 5 warm starts", warm.percentile(0.5) / 1e6, warm.percentile(1) / 1e6))
    }

    private func manyClerks(_ processes: ClerkProcesses) throws {
        let started = try processes.start(clerks)
        let times = started.map { $0.loginAfter ?? .infinity }
        let memory = started.map { ClerkProcesses.Memory.of($0.process.processIdentifier) }
        processes.stop(started)
        let total = memory.reduce(into: ClerkProcesses.Memory()) {
            $0.rss += $1.rss
            $0.pss += $1.pss
            $0.privateBytes += $1.privateBytes
        }
        print(String(format: "clerks: %d started at once, slowest login screen after %.3f s; together %@", clerks,
                     times.max() ?? 0, describe(total)))
        print(String(format: "clerks: largest private memory %.1f MB", Double(memory.map(\.privateBytes).max() ?? 0) / 1e6))
    }

    private func lookUps() throws {
        let reference = try CardResources.referenceData()
        var clock = LatencyRecorder.now()
        let repository = try CardRepository(data: DataDirectory(FilePath(dataDirectory)), reference: reference)
        defer { repository.close() }
        print(String(format: "open in this process: %.3f s", Double(LatencyRecorder.now() - clock) / 1e9))
        let people = GeneratedPeople(reference: reference)
        var random = SplitMix(seed: 16)
        let sample = (0..<lookups).map { _ in people.person(Int(random.next() % UInt64(persons)), units: ["10000001", "10000002"]) }
        let surnames = Array(Set(sample.map { String($0.name.prefix(1)) })).sorted()

        // The first pass may read pages from disk (the cold start emptied the page cache).
        for pass in ["first pass", "second pass"] {
            var byNumber = LatencyRecorder()
            var found = 0
            for person in sample {
                clock = LatencyRecorder.now()
                if repository.state.person(person.documentNumber) != nil { found += 1 }
                byNumber.record(since: clock)
            }
            print(byNumber.summary(workload: "lookup by ID number (sscard, \(pass))", events: lookups, seconds: byNumber.total / 1e6)
                  + ", \(found) found")
            var byPrefix = LatencyRecorder()
            var rows = 0
            for surname in surnames {
                clock = LatencyRecorder.now()
                rows += repository.state.persons.persons(namedWith: surname, limit: 50).count
                byPrefix.record(since: clock)
            }
            print(byPrefix.summary(workload: "first 50 by name prefix (sscard, \(pass))", events: surnames.count,
                                   seconds: byPrefix.total / 1e6) + ", \(rows) rows")
        }
        if visibilityTrials > 0 {
            let probe = VisibilityProbe(executable: ClerkProcesses(dataDirectory: dataDirectory).executable,
                                        dataDirectory: dataDirectory, reference: reference)
            let delays = try probe.run(trials: visibilityTrials, repository: repository, people: sample)
            print(String(format: "visible in another process: %d records, p50 %.1f ms, max %.1f ms (refresh every %d ms)",
                         visibilityTrials, delays.percentile(0.5) / 1e3, delays.percentile(1) / 1e3,
                         VisibilityProbe.tickMicroseconds / 1000))
        }
        guard !noSqlite else { return }
        let sqlite = SQLiteBaseline(folder: dataDirectory)
        // Kept from an earlier run: loading takes a while and the rows are the same.
        let loaded = FileManager.default.fileExists(atPath: sqlite.database) && reuseSqlite
        if !loaded {
            let loadSeconds = try sqlite.load((0..<persons).map { people.person($0, units: ["10000001", "10000002"]) })
            print(String(format: "sqlite: %d rows loaded and indexed in %.1f s", persons, loadSeconds))
        }
        let byNumber = try sqlite.meanTime(sample.map { SQLiteBaseline.byNumber($0.documentNumber) })
        print(String(format: "lookup by ID number (sqlite): %d statements, mean %.1f us", lookups, byNumber))
        let byPrefix = try sqlite.meanTime(surnames.map(SQLiteBaseline.byNamePrefix))
        print(String(format: "first 50 by name prefix (sqlite): %d statements, mean %.1f us", surnames.count, byPrefix))
    }

    private func describe(_ memory: ClerkProcesses.Memory) -> String {
        String(format: "RSS %.1f MB, PSS %.1f MB, private %.1f MB", Double(memory.rss) / 1e6, Double(memory.pss) / 1e6,
               Double(memory.privateBytes) / 1e6)
    }
}
