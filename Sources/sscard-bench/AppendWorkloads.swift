import Foundation
import Journal

/// sync-append and batch-append, with the optional acknowledgement log.
struct AppendWorkloads {
    let benchmark: JournalBenchmark

    func syncAppend() throws -> String {
        let journal = try Journal(directory: benchmark.data.journal, options: benchmark.options)
        let acks = try AckLog(path: benchmark.ackLog)
        let payloads = (0..<min(benchmark.events, 1024)).map(benchmark.payload(for:))
        var latencies = LatencyRecorder()
        latencies.reserve(benchmark.events)
        let start = LatencyRecorder.now()
        for index in 0..<benchmark.events {
            let before = LatencyRecorder.now()
            let sequence = try journal.append(type: 1, payload: payloads[index % payloads.count])
            latencies.record(since: before)
            try acks.acknowledge(sequence...sequence)
        }
        let seconds = Double(LatencyRecorder.now() - start) / 1e9
        if let out = benchmark.latencyOut {
            try latencies.samples.map { String($0) }.joined(separator: "\n")
                .write(toFile: out, atomically: false, encoding: .utf8)
        }
        return latencies.summary(workload: "sync-append", events: benchmark.events, seconds: seconds)
    }

    func batchAppend() throws -> String {
        let journal = try Journal(directory: benchmark.data.journal, options: benchmark.options)
        let acks = try AckLog(path: benchmark.ackLog)
        let entries = (0..<min(benchmark.batch, 1024)).map { JournalEntry(type: 1, payload: benchmark.payload(for: $0)) }
        var latencies = LatencyRecorder()
        let start = LatencyRecorder.now()
        var done = 0
        var batch: [JournalEntry] = []
        batch.reserveCapacity(benchmark.batch)
        while done < benchmark.events {
            let count = min(benchmark.batch, benchmark.events - done)
            batch.removeAll(keepingCapacity: true)
            for index in 0..<count { batch.append(entries[index % entries.count]) }
            let before = LatencyRecorder.now()
            let sequences = try journal.append(batch)
            latencies.record(since: before, operations: count)
            try acks.acknowledge(sequences)
            done += count
        }
        let seconds = Double(LatencyRecorder.now() - start) / 1e9
        return latencies.summary(workload: "batch-append", events: benchmark.events, seconds: seconds)
    }
}

/// Sequence numbers written only after their append returned, one per line, straight to
/// the file (no user-space buffer), so a crash test can check that nothing acknowledged
/// was lost when the process is killed.
final class AckLog {
    private let handle: FileHandle?

    init(path: String?) throws {
        guard let path else {
            handle = nil
            return
        }
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        self.handle = handle
    }

    func acknowledge(_ sequences: ClosedRange<UInt64>) throws {
        guard let handle else { return }
        let text = sequences.map { "\($0)\n" }.joined()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
