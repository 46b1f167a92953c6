import CardDomain
import CardStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How soon a record that one process appends shows in another running process. This
/// process plays the clerk whose screen sits idle: its repository refreshes at every
/// 100 ms tick, as the full screen's key loop does. The other process is a real
/// `sscard records import` of one changed row. The delay counts from the record's own
/// timestamp, taken before the writer's write and sync, so it is an upper bound.
struct VisibilityProbe {
    static let tickMicroseconds: UInt32 = 100_000

    let executable: URL
    let dataDirectory: String
    let reference: ReferenceData

    /// One sample per trial, in microseconds; a trial that is not seen in 10 s is recorded as 10 s.
    func run(trials: Int, repository: CardRepository, people: [PersonRecord]) throws -> LatencyRecorder {
        var delays = LatencyRecorder()
        let file = NSTemporaryDirectory() + "sscard-visibility-\(getpid()).csv"
        defer { unlink(file) }
        for trial in 0..<trials {
            var person = people[trial % people.count]
            person.mobile = "139" + (10_000_000 + trial * 7919 % 89_999_999).zeroPadded(8)
            let csv = GeneratedCSV.header + GeneratedCSV.line(person, reference: reference)
            guard FileManager.default.createFile(atPath: file, contents: Data(csv.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let writer = Process()
            writer.executableURL = executable
            writer.arguments = ["records", "import", file, "--data-dir", dataDirectory]
            writer.standardOutput = FileHandle.nullDevice
            writer.standardError = FileHandle.nullDevice
            try writer.run()
            let deadline = Self.wallMicroseconds() + 10_000_000
            var seen = false
            while !seen, Self.wallMicroseconds() < deadline {
                usleep(Self.tickMicroseconds)
                try repository.refresh()
                if repository.state.person(person.documentNumber)?.mobile == person.mobile {
                    delays.record(seconds: Double(Self.wallMicroseconds() - repository.lastTimestamp) / 1e6)
                    seen = true
                }
            }
            if !seen { delays.record(seconds: 10) }
            writer.waitUntilExit()
        }
        return delays
    }

    static func wallMicroseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
    }
}
