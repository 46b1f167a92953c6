import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `sscard` in a tmux pane of its own server: keys go in with send-keys, the screen
/// comes back with capture-pane, and waits poll the pane with a deadline, never a sleep.
final class TmuxSession {
    let socket = "sscard-test-\(UUID().uuidString.prefix(8))"
    let statusFile: String

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    init(arguments: [String], environment: [String: String] = [:], columns: Int = 80, rows: Int = 24, directory: String) throws {
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("sscard").path
        statusFile = directory + "/exit-status"
        let variables = (["LANG": "C.UTF-8", "TERM": "xterm-256color"].merging(environment) { $1 })
            .map { "\($0)=\($1)" }.sorted().joined(separator: " ")
        let command = "env \(variables) \(binary) \(arguments.joined(separator: " ")); echo $? > \(statusFile); echo SSCARD-ENDED; sleep 60"
        try tmux(["new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", command])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Runs tmux with posix_spawn and waitpid. Foundation's Process is not used here: the
    /// first call starts the tmux server, which daemonises, and Process was seen to leave
    /// the exited client unreaped and wait for ever.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let argv = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
        var pipe: [Int32] = [-1, -1]
        let capture = arguments.first != "new-session"
        if capture { guard Glibc.pipe(&pipe) == 0 else { throw Timeout(description: "pipe failed") } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if capture {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO)
            posix_spawn_file_actions_addclose(&actions, pipe[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        // The test runner's threads block most signals, and a spawned child inherits that
        // mask; tmux and the panes it starts must get resizes and SIGTERM like any shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, cArguments, environ)
        guard spawned == 0 else { throw Timeout(description: "could not start tmux: errno \(spawned)") }
        var output = [UInt8]()
        if capture {
            close(pipe[1])
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(pipe[0], &buffer, buffer.count)
                if count <= 0 { break }
                output.append(contentsOf: buffer[0..<count])
            }
            close(pipe[0])
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: output, as: UTF8.self)
    }

    func send(_ keys: String...) throws {
        try send(keys)
    }

    func send(_ keys: [String]) throws {
        try tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Typed literally (-l), so Chinese text arrives as the UTF-8 an input method sends.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "0", "-l", text])
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"])
    }

    /// Waits until the pane shows `text`, then until a second look 50 ms later shows the
    /// same screen (a capture can catch a frame half drawn); returns the screen then.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 45) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            let current = try screen()
            if current.contains(text), current == last { return current }
            last = current
            usleep(50_000)
        }
        throw Timeout(description: "「\(text)」 did not appear within \(seconds) s; the screen was:\n\(last)")
    }

    /// The exit status once the program has ended.
    func exitStatus(seconds: Double = 20) throws -> Int32? {
        try waitFor("SSCARD-ENDED", seconds: seconds)
        return Int32((try? String(contentsOfFile: statusFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
    }

    /// F10, then Enter on 确认退出？; the exit status.
    func quitWithF10() throws -> Int32? {
        try send("F10")
        try waitFor("确认退出？")
        try send("Enter")
        return try exitStatus()
    }
}
