import Foundation

/// A process named so that its name outlives a reused process id: the id and the time the
/// process started (in clock ticks since boot, from /proc/PID/stat). A file claimed under
/// this name is abandoned once no process with that id and start time runs, even when
/// another process has since been given the id.
struct ProcessIdentity: Equatable {
    var pid: Int32
    /// Nil when it cannot be read (no /proc): only the id is compared then.
    var start: UInt64?

    static var current: ProcessIdentity { ProcessIdentity(pid: getpid(), start: startTime(of: getpid())) }

    /// `PID-START`, or `PID` when the start time is unknown.
    var name: String { start.map { "\(pid)-\($0)" } ?? "\(pid)" }

    /// Reads `PID-START` or `PID` (as names were before start times were added).
    init?(name: Substring) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let pid = Int32(parts[0]), pid > 0 else { return nil }
        if parts.count == 2 {
            guard let start = UInt64(parts[1]) else { return nil }
            self.start = start
        } else {
            start = nil
        }
        self.pid = pid
    }

    init(pid: Int32, start: UInt64?) {
        self.pid = pid
        self.start = start
    }

    /// Whether this very process still runs. An id in use by a process that started at
    /// another time is another process.
    var isRunning: Bool {
        if kill(pid, 0) != 0 && errno == ESRCH { return false }
        guard let start, let running = Self.startTime(of: pid) else { return true }
        return running == start
    }

    /// Field 22 of /proc/PID/stat. The command name (field 2) is in parentheses and may
    /// hold spaces and parentheses itself, so fields are counted after its last ')'.
    static func startTime(of pid: Int32) -> UInt64? {
        (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)).flatMap(startTime(fromStat:))
    }

    static func startTime(fromStat text: String) -> UInt64? {
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After the name come field 3 (state) onwards: field 22 is the 20th.
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }
}
