import CardStore
import Foundation
import Journal

/// replay, snapshot and open: the read side, measured on an existing journal.
struct ReadWorkloads {
    let benchmark: JournalBenchmark

    func replay() throws -> String {
        let start = LatencyRecorder.now()
        let reader = try JournalReader(directory: benchmark.data.journal)
        var latencies = LatencyRecorder()
        var blockStart = LatencyRecorder.now()
        var inBlock = 0
        var bytes = 0
        let count = try reader.forEach { _, _, _, payload in
            bytes &+= payload.count
            inBlock += 1
            if inBlock == 1024 {
                latencies.record(since: blockStart, operations: inBlock)
                inBlock = 0
                blockStart = LatencyRecorder.now()
            }
        }
        if inBlock > 0 { latencies.record(since: blockStart, operations: inBlock) }
        let seconds = Double(LatencyRecorder.now() - start) / 1e9
        print("replayed \(count) records, \(bytes) payload bytes")
        if benchmark.sqlite {
            let sqlite = SQLiteBaseline(folder: benchmark.dataDirectory + "-sqlite")
            try FileManager.default.createDirectory(atPath: sqlite.folder, withIntermediateDirectories: true)
            let load = try sqlite.loadPayloads(rows: count, bytes: benchmark.payloadBytes)
            print(String(format: "sqlite: %d rows of %d bytes loaded in %.1f s; reading them all takes %.3f s (this replay: %.3f s)",
                         count, benchmark.payloadBytes, load, try sqlite.scanSeconds(), seconds))
        }
        return latencies.summary(workload: "replay", events: count, seconds: seconds)
    }

    func snapshot() throws -> String {
        let start = LatencyRecorder.now()
        let loader = ProjectionLoader<CountingModel>(data: benchmark.data)
        let loaded = try loader.load()
        try loader.save(loaded.model, at: loaded.sequence)
        var latencies = LatencyRecorder()
        latencies.record(since: start)
        let seconds = Double(LatencyRecorder.now() - start) / 1e9
        print("snapshot of \(loaded.model.records) records saved at sequence \(loaded.sequence)")
        return latencies.summary(workload: "snapshot", events: Int(loaded.model.records), seconds: seconds)
    }

    /// What a clerk's session pays at start: recovery of the journal for writing, then the
    /// read model from its snapshot plus the tail.
    func open() throws -> String {
        let start = LatencyRecorder.now()
        let journal = try Journal(directory: benchmark.data.journal, options: benchmark.options)
        let recovered = LatencyRecorder.now()
        let loaded = try ProjectionLoader<CountingModel>(data: benchmark.data).load()
        var latencies = LatencyRecorder()
        latencies.record(since: start)
        let seconds = Double(LatencyRecorder.now() - start) / 1e9
        print("journal last sequence \(journal.lastSequence), recovery \(Double(recovered - start) / 1e3) us; "
              + (loaded.usedSnapshot ? "snapshot used, \(loaded.replayed) records replayed after it"
                 : "no snapshot used (\(loaded.snapshotProblem ?? "none saved")), \(loaded.replayed) records replayed"))
        return latencies.summary(workload: "open", events: Int(loaded.model.records), seconds: seconds)
    }

    /// A reader that has read everything asks again, `events` times, with nothing new:
    /// the price of the shared lock, the folder listing and the look at the tail.
    func tailPoll() throws -> String {
        let reader = try JournalReader(directory: benchmark.data.journal)
        let existing = try reader.forEach { _, _, _, _ in }
        var latencies = LatencyRecorder()
        let start = LatencyRecorder.now()
        for _ in 0..<benchmark.events {
            let pollStart = LatencyRecorder.now()
            let found = try reader.forEach { _, _, _, _ in }
            latencies.record(since: pollStart)
            precondition(found == 0, "the journal grew during tail-poll")
        }
        let seconds = Double(LatencyRecorder.now() - start) / 1e9
        print("polled the end of \(existing) records \(benchmark.events) times")
        return latencies.summary(workload: "tail-poll", events: benchmark.events, seconds: seconds)
    }
}
