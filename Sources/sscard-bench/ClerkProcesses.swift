import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Real `sscard` processes started as clerks start them, timed from launch to the login
/// screen (the line mode's first prompt) and measured while they sit there.
struct ClerkProcesses {
    struct Clerk {
        var process: Process
        var output: Pipe
        var input: Pipe
        var started: UInt64
        var loginAfter: Double?
    }

    /// What a process holds: `private` is its own memory (heap and private pages), `pss`
    /// its fair share of the pages it shares, such as the index's page cache.
    struct Memory {
        var rss = 0
        var pss = 0
        var privateBytes = 0

        static func of(_ pid: Int32) -> Memory {
            var memory = Memory()
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/smaps_rollup", encoding: .utf8) else { return memory }
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count >= 2, let kilobytes = Int(parts[1]) else { continue }
                switch parts[0] {
                case "Rss:": memory.rss = kilobytes * 1024
                case "Pss:": memory.pss = kilobytes * 1024
                case "Private_Clean:", "Private_Dirty:": memory.privateBytes += kilobytes * 1024
                default: break
                }
            }
            return memory
        }
    }

    static let loginPrompt = "请输入编号"

    let executable: URL
    let dataDirectory: String
    /// A journal elsewhere (`--journal postgresql://…`); nil is the data directory's own.
    let journal: String?
    /// Where the clerks' standard error goes (the first start's notice); nil discards it.
    let standardError: String?

    init(dataDirectory: String, journal: String? = nil, standardError: String? = nil) {
        let here = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        executable = here.appendingPathComponent("sscard")
        self.dataDirectory = dataDirectory
        self.journal = journal
        self.standardError = standardError
    }

    /// Starts `count` clerks at once, waits until each shows its login screen (or
    /// `deadline` seconds pass), and gives them back still running.
    func start(_ count: Int, deadline: Double = 120) throws -> [Clerk] {
        var clerks: [Clerk] = []
        for _ in 0..<count {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--plain", "--channel", "counter", "--data-dir", dataDirectory]
                + (journal.map { ["--journal", $0] } ?? [])
            let output = Pipe()
            let input = Pipe()
            process.standardOutput = output
            process.standardError = try standardError.map { path in
                guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                      let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
                return handle
            } ?? FileHandle.nullDevice
            process.standardInput = input
            let started = LatencyRecorder.now()
            try process.run()
            clerks.append(Clerk(process: process, output: output, input: input, started: started))
        }
        var seen = [String](repeating: "", count: count)
        for index in clerks.indices { _ = fcntl(clerks[index].output.fileHandleForReading.fileDescriptor, F_SETFL, O_NONBLOCK) }
        let end = LatencyRecorder.now() + UInt64(deadline * 1e9)
        while clerks.contains(where: { $0.loginAfter == nil }), LatencyRecorder.now() < end {
            for index in clerks.indices where clerks[index].loginAfter == nil {
                var buffer = [UInt8](repeating: 0, count: 65536)
                let got = read(clerks[index].output.fileHandleForReading.fileDescriptor, &buffer, buffer.count)
                if got > 0 { seen[index] += String(decoding: buffer[0..<got], as: UTF8.self) }
                if seen[index].contains(Self.loginPrompt) {
                    clerks[index].loginAfter = Double(LatencyRecorder.now() - clerks[index].started) / 1e9
                }
            }
            usleep(2_000)
        }
        return clerks
    }

    func stop(_ clerks: [Clerk]) {
        for clerk in clerks {
            try? clerk.input.fileHandleForWriting.close()
            kill(clerk.process.processIdentifier, SIGTERM)
            clerk.process.waitUntilExit()
        }
    }

    /// Empties the page cache (root only), for a start from a cold cache.
    static func dropPageCache() -> Bool {
        sync()
        guard let file = fopen("/proc/sys/vm/drop_caches", "w") else { return false }
        defer { fclose(file) }
        return fputs("3\n", file) >= 0
    }
}
