import ArgumentParser
import CardStore
import Foundation
import Journal
import PostgresJournal
import SystemPackage

/// `sscard-bench sites --data-dir SEEDED --journal URL`: a new site's first start and a
/// clerk's warm start on the same records, from the PostgreSQL journal and from the segment
/// journal, in one run. SEEDED holds `sscard demo seed --persons N`; URL holds the same
/// records (`sscard journal copy --from SEEDED --to URL`). Each new site is a fresh data
/// directory (the segment one with a copy of SEEDED's journal, made before the clock starts),
/// so the first start builds the whole index; the warm starts then alternate.
struct SitesBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sites",
        abstract: "A new site's first start and warm starts on a PostgreSQL journal and on segments, side by side.")

    @Option(name: .customLong("data-dir"), help: "A data directory seeded with sscard demo seed --persons N.")
    var seeded: String

    @Option(help: "A PostgreSQL journal holding the same records (sscard journal copy --from DATA-DIR --to URL).")
    var journal: String

    @Option(help: "Warm starts of each backend, alternating.")
    var warmStarts: Int = 3

    @Option(help: "Seconds a first start may take before it counts as failed.")
    var deadline: Double = 600

    @Option(help: "How many generated persons DATA-DIR holds (the 变更记录 timings sample them).")
    var persons: Int = 1_000_000

    @Option(help: "Persons whose 变更记录 is read through each site's index.")
    var historySamples: Int = 20

    func run() throws {
        let work = try makeWorkFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let segmentRecords = try Journal(directory: FilePath(seeded).appending("journal")).lastSequence
        let postgresRecords = try PostgresJournal(PostgresLocation(journal)).lastSequence
        print("records: \(segmentRecords) in \(seeded)/journal, \(postgresRecords) in the PostgreSQL journal")
        guard segmentRecords == postgresRecords else {
            throw ValidationError("the two journals differ: copy \(seeded) to the PostgreSQL journal first (sscard journal copy)")
        }
        let segmentSite = work + "/segment-site"
        try FileManager.default.createDirectory(atPath: segmentSite, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        try FileManager.default.copyItem(atPath: seeded + "/journal", toPath: segmentSite + "/journal")
        let sites = [("postgresql", ClerkProcesses(dataDirectory: work + "/postgres-site", journal: journal,
                                                   standardError: work + "/postgres-first-start")),
                     ("segment", ClerkProcesses(dataDirectory: segmentSite, standardError: work + "/segment-first-start"))]
        print("a new site's first start (its index built from the journal), launch to the login screen:")
        for (name, site) in sites {
            let clerk = try site.start(1, deadline: deadline)
            let peak = Self.peakMemory(clerk[0].process.processIdentifier)
            site.stop(clerk)
            guard let seconds = clerk[0].loginAfter else {
                throw ValidationError("\(name): no login screen within \(deadline) s")
            }
            let notice = (try? String(contentsOfFile: site.standardError!, encoding: .utf8))?.contains("正在从日志更新本机索引") ?? false
            print("  " + name.padding(toLength: 11, withPad: " ", startingAt: 0)
                  + String(format: "%7.1f s, peak %4.0f MB, progress notice: %@", seconds, Double(peak) / 1e6, notice ? "yes" : "no"))
        }
        print("a clerk's warm start (the index at the journal's end), \(warmStarts) alternating runs:")
        var warm: [String: [Double]] = [:]
        for _ in 0..<warmStarts {
            for (name, site) in sites {
                let clerk = try site.start(1, deadline: 60)
                site.stop(clerk)
                warm[name, default: []].append(clerk[0].loginAfter ?? .infinity)
            }
        }
        for (name, _) in sites {
            print("  " + name.padding(toLength: 11, withPad: " ", startingAt: 0) + warm[name, default: []].map { String(format: "%.3f s", $0) }.joined(separator: ", "))
        }
        try historyViews(work: work, segmentSite: segmentSite)
    }

    /// A person's 变更记录 at each site, through its index's history table and from the whole journal.
    private func historyViews(work: String, segmentSite: String) throws {
        for folder in ["segment-journal-only", "postgres-no-index"] {
            try FileManager.default.createDirectory(atPath: work + "/" + folder, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        }
        try FileManager.default.copyItem(atPath: seeded + "/journal", toPath: work + "/segment-journal-only/journal")
        let views = [("postgresql", HistoryViewTimings(site: DataDirectory(FilePath(work + "/postgres-site"), journalURL: journal),
                                                       journalOnly: DataDirectory(FilePath(work + "/postgres-no-index"), journalURL: journal))),
                     ("segment", HistoryViewTimings(site: DataDirectory(FilePath(segmentSite)),
                                                    journalOnly: DataDirectory(FilePath(work + "/segment-journal-only"))))]
        print("a person's 变更记录 (sampled persons, each read once):")
        for (name, timings) in views {
            print("  " + name)
            for line in try timings.lines(persons: persons, samples: historySamples) { print("  " + line) }
        }
    }

    private func makeWorkFolder() throws -> String {
        var template = Array((NSTemporaryDirectory() + "/sscard-bench-sites-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        return String(cString: made)
    }

    /// The process's peak resident memory (VmHWM), in bytes.
    static func peakMemory(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1024
    }
}
