#if canImport(Glibc)
import Glibc
#endif

/// Collects per-operation latencies and prints db_bench's kind of summary line.
struct LatencyRecorder {
    private(set) var samples: [Double] = []

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    mutating func reserve(_ count: Int) {
        samples.reserveCapacity(count)
    }

    /// Records one operation that started at `start` (from `now()`), in microseconds.
    mutating func record(since start: UInt64, operations: Int = 1) {
        samples.append(Double(Self.now() - start) / 1_000 / Double(operations))
    }

    /// Records one operation that took `seconds`.
    mutating func record(seconds: Double) {
        samples.append(seconds * 1e6)
    }

    /// The sum of the samples, in microseconds.
    var total: Double { samples.reduce(0, +) }

    mutating func merge(_ other: [Double]) {
        samples.append(contentsOf: other)
    }

    func percentile(_ fraction: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
        return sorted[max(0, index)]
    }

    /// "W: N events, X events/s, p50 A us, p99 B us"
    func summary(workload: String, events: Int, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(events) / seconds : 0
        return "\(workload): \(events) events, \(format(rate, 0)) events/s, p50 \(format(percentile(0.50), 1)) us, p99 \(format(percentile(0.99), 1)) us"
    }

    private func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}

#if canImport(Foundation)
import Foundation
#endif
