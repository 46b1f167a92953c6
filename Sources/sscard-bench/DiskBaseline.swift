#if canImport(Glibc)
import Glibc
#endif
import Journal
import SystemPackage

/// The disk's own limit for durable small writes: records of the journal's frame size
/// written with pwrite and fdatasync into space allocated beforehand. No journal code.
struct DiskBaseline {
    let benchmark: JournalBenchmark

    func run() throws -> String {
        let io = SystemFileIO()
        let path = benchmark.data.root.appending("disk-baseline.dat")
        let recordSize = RecordFrame.headerSize + benchmark.payloadBytes
        let file = try io.openFile(path, create: true, writable: true)
        defer {
            io.close(file)
            try? io.remove(path)
        }
        try io.allocate(file, length: Int64(recordSize * benchmark.events))
        try io.syncAll(file)
        let record = [UInt8](repeating: 0x5A, count: recordSize)
        var latencies = LatencyRecorder()
        latencies.reserve(benchmark.events)
        let start = LatencyRecorder.now()
        try record.withUnsafeBytes { bytes in
            for index in 0..<benchmark.events {
                let before = LatencyRecorder.now()
                guard pwrite(file.rawValue, bytes.baseAddress, bytes.count, off_t(index * recordSize)) == bytes.count,
                      fdatasync(file.rawValue) == 0 else { throw Errno(rawValue: errno) }
                latencies.record(since: before)
            }
        }
        let seconds = Double(LatencyRecorder.now() - start) / 1e9
        return latencies.summary(workload: "disk-baseline", events: benchmark.events, seconds: seconds)
    }
}
