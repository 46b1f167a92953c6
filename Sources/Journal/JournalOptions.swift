#if canImport(Glibc)
import Glibc
#endif

public struct JournalOptions: Sendable {
    /// Bytes reserved per segment file. A record larger than this gets a segment of its own.
    public var segmentCapacity: Int64
    /// Microseconds since the Unix epoch, stamped on every record; injected for tests.
    public var clock: @Sendable () -> Int64

    public init(segmentCapacity: Int64 = 64 << 20, clock: @escaping @Sendable () -> Int64 = JournalOptions.wallClock) {
        self.segmentCapacity = segmentCapacity
        self.clock = clock
    }

    @Sendable public static func wallClock() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
    }
}
