import Foundation

/// concurrent-append: K processes (this executable, run again) each doing sync-append
/// into the same journal; the summary covers all events over the wall time.
struct ConcurrentWorkload {
    let benchmark: JournalBenchmark

    func run() throws -> String {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let share = benchmark.events / benchmark.writers
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("sscard-bench-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: temporary) }
        let start = LatencyRecorder.now()
        var children: [Process] = []
        for writer in 0..<benchmark.writers {
            let events = share + (writer < benchmark.events % benchmark.writers ? 1 : 0)
            let child = Process()
            child.executableURL = URL(fileURLWithPath: executable)
            var arguments = [
                "journal", "--workload", "sync-append", "--events", String(events),
                "--payload-bytes", String(benchmark.payloadBytes), "--data-dir", benchmark.dataDirectory,
                "--segment-mb", String(benchmark.segmentMiB),
                "--latency-out", temporary.appendingPathComponent("latency-\(writer)").path,
            ]
            if let ackLog = benchmark.ackLog { arguments += ["--ack-log", "\(ackLog).\(writer)"] }
            child.arguments = arguments
            child.standardOutput = FileHandle.nullDevice
            try child.run()
            children.append(child)
        }
        var failed = 0
        for child in children {
            child.waitUntilExit()
            if child.terminationStatus != 0 { failed += 1 }
        }
        let seconds = Double(LatencyRecorder.now() - start) / 1e9
        guard failed == 0 else {
            throw BenchmarkFailure("\(failed) of \(benchmark.writers) writer processes failed")
        }
        var latencies = LatencyRecorder()
        for writer in 0..<benchmark.writers {
            let text = try String(contentsOf: temporary.appendingPathComponent("latency-\(writer)"), encoding: .utf8)
            latencies.merge(text.split(separator: "\n").compactMap { Double($0) })
        }
        return latencies.summary(workload: "concurrent-append", events: benchmark.events, seconds: seconds)
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
