import ArgumentParser
import CardStore
import Foundation
import Journal
import SystemPackage

/// `sscard-bench journal --workload W ...`: every workload ends with the line
/// `W: N events, X events/s, p50 A us, p99 B us`.
struct JournalBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Measure the journal.",
        discussion: """
            Workloads:
              sync-append        one durable append per event (latency per append)
              batch-append       --batch events per sync (latency per batch call, divided by its events)
              concurrent-append  --writers processes doing sync-append, --events in total
              replay             read every record of --data-dir (latency per record, over blocks of 1024)
              tail-poll          a reader at the end of --data-dir's journal looks for new records
                                 --events times (what every clerk's process does before a command;
                                 it takes the shared lock at the tail)
              snapshot           replay into a counting read model and save its snapshot
              open               open the journal for writing (recovery) and load the read model
                                 from its snapshot plus the journal's tail
              disk-baseline      the disk's own limit: pwrite + fdatasync of records of the same
                                 size into space already allocated, no journal at all
            """
    )

    enum Workload: String, ExpressibleByArgument, CaseIterable {
        case syncAppend = "sync-append", batchAppend = "batch-append", concurrentAppend = "concurrent-append"
        case replay, snapshot, open, tailPoll = "tail-poll", diskBaseline = "disk-baseline"
    }

    @Option(help: "The workload: \(Workload.allCases.map(\.rawValue).joined(separator: ", ")).")
    var workload: Workload

    @Option(help: "Events to append (in total, for concurrent-append).")
    var events: Int = 10_000

    @Option(name: .customLong("payload-bytes"), help: "Payload bytes per event.")
    var payloadBytes: Int = 300

    @Option(name: .customLong("data-dir"), help: "The data directory; the journal is DIR/journal.")
    var dataDirectory: String

    @Option(help: "Processes for concurrent-append.")
    var writers: Int = 2

    @Option(help: "Events per sync for batch-append.")
    var batch: Int = 1_000

    @Option(name: .customLong("ack-log"), help: "After each durable append, write its sequence number to FILE.")
    var ackLog: String?

    @Option(name: .customLong("segment-mb"), help: "Segment size in MiB.")
    var segmentMiB: Int = 64

    @Flag(help: "replay: also time sqlite3 reading as many rows of --payload-bytes (in DIR-sqlite/).")
    var sqlite = false

    @Option(name: .customLong("latency-out"), help: .hidden)
    var latencyOut: String?

    func validate() throws {
        guard events > 0 else { throw ValidationError("--events must be at least 1") }
        guard payloadBytes >= 0, payloadBytes <= RecordFrame.maxPayload else {
            throw ValidationError("--payload-bytes must be between 0 and \(RecordFrame.maxPayload)")
        }
        guard writers > 0, batch > 0, segmentMiB > 0 else {
            throw ValidationError("--writers, --batch and --segment-mb must be at least 1")
        }
    }

    var data: DataDirectory { DataDirectory(FilePath(dataDirectory)) }
    var options: JournalOptions { JournalOptions(segmentCapacity: Int64(segmentMiB) << 20) }

    func run() throws {
        try data.create()
        let line: String
        switch workload {
        case .syncAppend: line = try AppendWorkloads(benchmark: self).syncAppend()
        case .batchAppend: line = try AppendWorkloads(benchmark: self).batchAppend()
        case .concurrentAppend: line = try ConcurrentWorkload(benchmark: self).run()
        case .replay: line = try ReadWorkloads(benchmark: self).replay()
        case .snapshot: line = try ReadWorkloads(benchmark: self).snapshot()
        case .open: line = try ReadWorkloads(benchmark: self).open()
        case .tailPoll: line = try ReadWorkloads(benchmark: self).tailPoll()
        case .diskBaseline: line = try DiskBaseline(benchmark: self).run()
        }
        print(line)
    }

    /// A payload of `payloadBytes` that differs from event to event.
    func payload(for index: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: UInt8(ascii: "a") &+ UInt8(index % 26), count: payloadBytes)
        let tag = Array(String(index).utf8)
        for (position, byte) in tag.prefix(payloadBytes).enumerated() { bytes[position] = byte }
        return bytes
    }
}
