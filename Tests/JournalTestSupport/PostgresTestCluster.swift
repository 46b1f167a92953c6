import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster for the tests of one test process: initdb with data
/// checksums in a temporary folder, listening only on a Unix socket there, stopped when the
/// process exits. PostgreSQL refuses to run as root, so under root (CI) it runs as the
/// `postgres` user that Debian's package makes. A cluster that cannot start fails the tests
/// that need it; none is skipped.
public final class PostgresTestCluster: Sendable {
    public let folder: String
    public let port: Int
    let bin: String

    public static let shared = Result { try PostgresTestCluster() }

    /// The cluster's folder, for the exit handler (a C function cannot capture it).
    nonisolated(unsafe) private static var running: (bin: String, data: String)?

    init() throws {
        guard let version = try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")
            .compactMap(Int.init).max() else { throw Failure(reason: "PostgreSQL is not installed: run scripts/ensure-deps") }
        bin = "/usr/lib/postgresql/\(version)/bin"
        folder = try TemporaryFolder.make("sscard-pg")
        port = 20_000 + Int(getpid() % 20_000)
        if getuid() == 0 {
            guard let user = getpwnam("postgres") else { throw Failure(reason: "no postgres user: run scripts/ensure-deps") }
            chown(folder, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        try run(bin + "/initdb", "-D", folder + "/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--data-checksums", "--no-sync")
        try run(bin + "/pg_ctl", "-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "60", "-o",
                "-c listen_addresses='' -k \(folder) -p \(port) -c max_connections=200", "start")
        Self.running = (bin, folder + "/data")
        atexit {
            guard let running = PostgresTestCluster.running else { return }
            let stop = "\(running.bin)/pg_ctl -D \(running.data) -m immediate -w stop >/dev/null 2>&1"
            _ = system(getuid() == 0 ? "/usr/sbin/runuser -u postgres -- \(stop)" : stop)
        }
    }

    /// A URL to `database` as `user` over the cluster's socket.
    public func url(database: String = "postgres", user: String = "postgres") -> String {
        "postgresql://\(user)@/\(database)?host=\(folder)&port=\(port)"
    }

    /// A new, empty database of its own for one test.
    public func freshDatabase() throws -> String {
        let name = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try sql("CREATE DATABASE \(name)")
        return String(name)
    }

    /// Runs SQL through psql as the superuser; the output without headers.
    @discardableResult
    public func sql(_ statement: String, database: String = "postgres", user: String = "postgres") throws -> String {
        try run(bin + "/psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", url(database: database, user: user), "-c", statement)
    }

    /// Runs a command (as `postgres` under root) with its output in a file. Spawned with
    /// every other descriptor closed: Foundation's Process learns that a child ended when a
    /// socket it hands down closes, and the server pg_ctl starts would keep it open forever,
    /// for this child and any other test's child spawned meanwhile.
    @discardableResult
    func run(_ arguments: String...) throws -> String {
        let asPostgres = getuid() == 0
        // bash closes every descriptor above 2 before it becomes the command.
        let closing = #"cd /tmp; for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; exec "$@""#
        let command = ["/bin/bash", "-c", closing, "bash"] + (asPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []) + arguments
        let output = folder + "/run-\(UUID().uuidString).out"
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
        guard spawned == 0 else { throw Failure(reason: "\(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else { throw Failure(reason: "\(arguments.joined(separator: " ")) (status \(status)): \(text)") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }
}
