import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs PostgreSQL's programs for the test clusters: as the `postgres` user under root
/// (PostgreSQL refuses to run as root), with every other descriptor closed.
public enum PostgresCommand {
    nonisolated(unsafe) private static var running: [String] = []
    private static let lock = NSLock()
    nonisolated(unsafe) private static var binFolder = ""

    /// The newest installed PostgreSQL's bin folder.
    static func bin() throws -> String {
        guard let version = try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")
            .compactMap(Int.init).max() else { throw PostgresTestCluster.Failure(reason: "PostgreSQL is not installed: run scripts/ensure-deps") }
        lock.withLock { binFolder = "/usr/lib/postgresql/\(version)/bin" }
        return "/usr/lib/postgresql/\(version)/bin"
    }

    /// A temporary folder the server's user owns.
    static func folder(_ prefix: String) throws -> String {
        let folder = try TemporaryFolder.make(prefix)
        if getuid() == 0 {
            guard let user = getpwnam("postgres") else { throw PostgresTestCluster.Failure(reason: "no postgres user: run scripts/ensure-deps") }
            chown(folder, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        return folder
    }

    /// Stops the server of `data` when the test process exits, however the tests ended.
    static func stopAtExit(data: String) {
        let first = lock.withLock { running.append(data); return running.count == 1 }
        guard first else { return }
        atexit {
            let (bin, datas) = PostgresCommand.lock.withLock { (PostgresCommand.binFolder, PostgresCommand.running) }
            for data in datas {
                let stop = "\(bin)/pg_ctl -D \(data) -m immediate -w stop >/dev/null 2>&1"
                _ = system(getuid() == 0 ? "/usr/sbin/runuser -u postgres -- \(stop)" : stop)
            }
        }
    }

    /// Runs a command (as `postgres` under root) with its output in a file. Spawned with
    /// every other descriptor closed: Foundation's Process learns that a child ended when a
    /// socket it hands down closes, and the server pg_ctl starts would keep it open forever,
    /// for this child and any other test's child spawned meanwhile.
    @discardableResult
    public static func run(_ arguments: [String], scratch: String) throws -> String {
        let asPostgres = getuid() == 0
        // bash closes every descriptor above 2 before it becomes the command.
        let closing = #"cd /tmp; for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; exec "$@""#
        let command = ["/bin/bash", "-c", closing, "bash"] + (asPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []) + arguments
        let output = scratch + "/run-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw PostgresTestCluster.Failure(reason: "\(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else { throw PostgresTestCluster.Failure(reason: "\(arguments.joined(separator: " ")) (status \(status)): \(text)") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
