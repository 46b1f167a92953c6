import ArgumentParser
import CardDomain
import CardResources
import CardStore
import Foundation
import SystemPackage

/// `sscard-bench watch-import --rows N --data-dir D`: a clerk's screen while a bureau loads
/// its persons. A real `sscard records import` of N generated rows runs as a child process;
/// this process holds a clerk's repository and refreshes it between "keys" as a screen does
/// (`refresh(within:)`), timing each refresh. A screen that freezes shows here as a long one.
struct ImportWatchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch-import",
        abstract: "Time a clerk's screen refreshes while a records import runs beside it.")

    @Option(help: "Rows the import loads.")
    var rows: Int = 200_000

    @Option(name: .customLong("data-dir"), help: "An empty data directory.")
    var dataDirectory: String

    @Option(help: "The budget a screen gives one refresh, in milliseconds (AppModel's).")
    var budget: Int = 50

    @Option(help: "Milliseconds between refreshes: a clerk's keys.")
    var keyInterval: Int = 100

    func run() throws {
        let reference = try CardResources.referenceData()
        let data = DataDirectory(FilePath(dataDirectory))
        let csv = dataDirectory + ".csv"
        let text = GeneratedCSV.file(rows: rows, units: ["10000001", "10000002"], reference: reference)
        FileManager.default.createFile(atPath: csv, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])

        // The demo's units (10000001 and 10000002), as `sscard demo seed` records them.
        let executable = ClerkProcesses(dataDirectory: dataDirectory).executable
        let seed = try Process.run(executable, arguments: ["demo", "seed", "--data-dir", dataDirectory])
        seed.waitUntilExit()
        guard seed.terminationStatus == 0 else { throw ExitCode(1) }
        let clerk = try CardRepository(data: data, reference: reference)
        defer { clerk.close() }

        let importer = Process()
        importer.executableURL = executable
        importer.arguments = ["records", "import", csv, "--data-dir", dataDirectory]
        importer.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        importer.standardError = errors
        let started = Date()
        try importer.run()
        var refreshes = LatencyRecorder()
        while importer.isRunning {
            let start = LatencyRecorder.now()
            try clerk.refresh(within: .milliseconds(budget))
            refreshes.record(since: start)
            usleep(useconds_t(keyInterval * 1000))
        }
        let importSeconds = Date().timeIntervalSince(started)
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if importer.terminationStatus != 0 { print("watch-import: the import failed: \(said.suffix(600))") }
        let before = clerk.sequence
        var final = LatencyRecorder()
        let start = LatencyRecorder.now()
        try clerk.refresh()
        final.record(since: start)
        let behind = clerk.sequence - before
        try? FileManager.default.removeItem(atPath: csv)
        print("watch-import: \(rows) rows imported in \(String(format: "%.1f", importSeconds)) s, exit \(importer.terminationStatus)")
        print(String(format: "  clerk refresh    %d refreshes: median %.1f ms, p99 %.1f ms, max %.1f ms (budget %d ms)",
                     refreshes.samples.count, refreshes.percentile(0.5) / 1000, refreshes.percentile(0.99) / 1000,
                     (refreshes.samples.max() ?? 0) / 1000, budget))
        print(String(format: "  at the end       %d records behind; one whole refresh %.1f ms", behind, final.total / 1000))
    }
}
