import ArgumentParser
import CardDomain
import CardResources
import CardStore
import Foundation
import SystemPackage

/// `sscard-bench history --data-dir DIR --events N`: gives a seeded district its history.
/// Counter clerks' views of persons (the events a district has most of: every look at a
/// detail is journalled) are appended until the journal holds N records, so the district
/// workload can then be measured on 1,000,000 persons and 10,000,000 events.
struct HistoryBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Append clerks' views of persons until the journal of a seeded district holds --events records.")

    @Option(name: .customLong("data-dir"), help: "A data directory seeded with sscard demo seed --persons N.")
    var dataDirectory: String

    @Option(help: "How many generated persons the directory holds.")
    var persons: Int = 1_000_000

    @Option(help: "The journal's length to reach, in records.")
    var events: Int = 10_000_000

    @Option(help: "Views per append (one sync each).")
    var batch: Int = 10_000

    func run() throws {
        let reference = try CardResources.referenceData()
        let repository = try CardRepository(data: DataDirectory(FilePath(dataDirectory)), reference: reference)
        defer { repository.close() }
        repository.upkeep = .bulk
        let people = GeneratedPeople(reference: reference)
        let count = persons
        var random = SplitMix(seed: 10)
        let start = LatencyRecorder.now()
        let first = repository.sequence
        var clerk = 0
        while repository.sequence < UInt64(events) {
            let wanted = min(batch, events - Int(repository.sequence))
            let picks = (0..<wanted).map { _ in Int(random.next() % UInt64(count)) }
            let numbers = try picks.concurrentMap { people.person($0, units: ["10000001", "10000002"]).documentNumber }
            clerk = clerk % 20 + 1
            let context = CommandContext(now: Int64(Date().timeIntervalSince1970 * 1_000_000),
                                         today: CalendarDate(year: 2026, month: 11, day: 22)!,
                                         terminal: "pts/\(clerk)", channel: .counter)
            let outcomes = try repository.executeBatch(numbers.map { .viewPerson(personNumber: $0) },
                                                       by: Actor(username: "guitai\(clerk.zeroPadded(2))", role: .counterClerk),
                                                       context: context)
            if let refused = outcomes.first(where: { if case .failure = $0 { true } else { false } }) {
                throw ValidationError("a view was refused (\(refused)); is --persons the number seeded?")
            }
        }
        try repository.saveSnapshot()
        let seconds = Double(LatencyRecorder.now() - start) / 1e9
        print(String(format: "history: %d views appended in %.1f s (%.0f/s); the journal holds %d records",
                     Int(repository.sequence - first), seconds, Double(repository.sequence - first) / seconds, repository.sequence))
    }
}
