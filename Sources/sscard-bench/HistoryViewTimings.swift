import CardDomain
import CardResources
import CardStore
import Foundation

/// How long a clerk waits for a person's 变更记录 (`PersonHistory`): sampled generated persons
/// of a seeded district, each read once, through the site's index (its history table) and,
/// side by side, from the whole journal, as before the table (a data directory without an index).
struct HistoryViewTimings {
    let site: DataDirectory
    let journalOnly: DataDirectory

    /// "label: p50 …, max … over N persons (M entries)" for the site, then for the journal alone.
    func lines(persons: Int, samples: Int, wholeJournalSamples: Int = 3) throws -> [String] {
        let people = GeneratedPeople(reference: try CardResources.referenceData())
        var random = SplitMix(seed: 31)
        let numbers = (0..<samples).map { _ in
            people.person(Int(random.next() % UInt64(persons)), units: ["10000001", "10000002"]).documentNumber
        }
        // Held open, as a clerk's process holds it: a history does not pay for opening the index.
        let index = try SharedIndex.shared(in: site)
        return try withExtendedLifetime(index) {
            [try line("through the index", site, numbers),
             try line("whole journal", journalOnly, Array(numbers.prefix(wholeJournalSamples)))]
        }
    }

    private func line(_ label: String, _ data: DataDirectory, _ numbers: [String]) throws -> String {
        var timings = LatencyRecorder()
        var entries = 0
        for number in numbers {
            let clock = LatencyRecorder.now()
            entries += try PersonHistory(documentNumber: number, data: data).entries.count
            timings.record(since: clock)
        }
        return String(format: "  %-18@ p50 %8.1f ms, max %8.1f ms over %d persons (%d entries)", label as NSString,
                      timings.percentile(0.5) / 1e3, timings.percentile(1) / 1e3, numbers.count, entries)
    }
}
