import CardDomain
import CardStore
import Foundation
import Journal
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
            // A number the person has never had (from the clock), so the import always appends.
            person.mobile = "139" + Int(JournalOptions.wallClock() % 100_000_000).zeroPadded(8)
            let csv = GeneratedCSV.header + GeneratedCSV.line(person, reference: reference)
            guard FileManager.default.createFile(atPath: file, contents: Data(csv.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let writer = Process()
            writer.executableURL = executable
            writer.arguments = ["records", "import", file, "--data-dir", dataDirectory]
            writer.standardOutput = FileHandle.nullDevice
            writer.standardError = FileHandle.nullDevice
            let before = repository.sequence
            try writer.run()
            // This process's ticks fall at a random point against the writer's append, as in life.
            usleep(UInt32.random(in: 0..<Self.tickMicroseconds))
            let deadline = JournalOptions.wallClock() + 10_000_000
            var seen = false
            while !seen, JournalOptions.wallClock() < deadline {
                try repository.refresh()
                if repository.sequence > before, repository.state.person(person.documentNumber)?.mobile == person.mobile {
                    delays.record(seconds: Double(JournalOptions.wallClock() - repository.lastTimestamp) / 1e6)
                    seen = true
                } else {
                    usleep(Self.tickMicroseconds)
                }
            }
            if !seen { delays.record(seconds: 10) }
            writer.waitUntilExit()
        }
        return delays
    }
}
