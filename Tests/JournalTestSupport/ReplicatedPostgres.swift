import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A primary and a synchronous standby made from it by `pg_basebackup -R`, for failover
/// tests on one machine: each in its own folder, on a Unix socket there. The primary
/// waits for the standby at every commit (`synchronous_standby_names = '*'`). The standby
/// is started without that setting, so once promoted it commits alone, as an operator who
/// has no second standby yet would have it.
public final class ReplicatedPostgres: @unchecked Sendable {
    public let primaryFolder: String
    public let standbyFolder: String
    public static let port = 5432
    let bin: String

    public static let primaryOptions = "-c listen_addresses='' -c synchronous_standby_names='*' -c synchronous_commit=on"

    public init() throws {
        bin = try PostgresCommand.bin()
        primaryFolder = try PostgresCommand.folder("sscard-pg-primary")
        standbyFolder = try PostgresCommand.folder("sscard-pg-standby")
        try run(bin + "/initdb", "-D", primaryFolder + "/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--data-checksums", "--no-sync")
        try startPrimary()
        try run(bin + "/pg_basebackup", "-D", standbyFolder + "/data", "-R", "-X", "stream", "--no-sync",
                "-d", "host=\(primaryFolder) port=\(Self.port) user=postgres")
        try startStandby()
        try waitUntil("the standby streams synchronously") {
            try sql("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'", in: primaryFolder) == "1"
        }
    }

    /// (Re)starts the primary's server, with the settings it had.
    public func startPrimary() throws {
        try run(bin + "/pg_ctl", "-D", primaryFolder + "/data", "-l", primaryFolder + "/server.log", "-w", "-t", "60", "-o",
                "\(Self.primaryOptions) -k \(primaryFolder) -p \(Self.port)", "start")
        PostgresCommand.stopAtExit(data: primaryFolder + "/data")
    }

    /// (Re)starts the standby's server.
    public func startStandby() throws {
        try run(bin + "/pg_ctl", "-D", standbyFolder + "/data", "-l", standbyFolder + "/server.log", "-w", "-t", "60", "-o",
                "-c listen_addresses='' -k \(standbyFolder) -p \(Self.port) -c synchronous_standby_names='' -c cluster_name=standby", "start")
        PostgresCommand.stopAtExit(data: standbyFolder + "/data")
    }

    /// Stops the standby as a crash would: what it had not received is not there.
    public func killStandby() throws {
        try run(bin + "/pg_ctl", "-D", standbyFolder + "/data", "-m", "immediate", "-w", "stop")
    }

    /// A URL for `database` as `user` over `folders`' sockets, in that order.
    public func url(_ folders: [String], database: String = "postgres", user: String = "postgres") -> String {
        "postgresql://\(user)@/\(database)?host=\(folders.joined(separator: ","))&port=\(Self.port)"
    }

    /// The URL a site uses: both servers, the primary first.
    public func url(database: String = "postgres") -> String { url([primaryFolder, standbyFolder], database: database) }

    /// Stops the primary as a crash would (`pg_ctl stop -m immediate`).
    public func killPrimary() throws {
        try run(bin + "/pg_ctl", "-D", primaryFolder + "/data", "-m", "immediate", "-w", "stop")
    }

    /// Promotes the standby, and waits until it takes writes.
    public func promoteStandby() throws {
        try run(bin + "/pg_ctl", "-D", standbyFolder + "/data", "-w", "-t", "60", "promote")
        try waitUntil("the promoted standby takes writes") { try sql("SELECT pg_is_in_recovery()", in: standbyFolder) == "f" }
    }

    /// The process id of the standby's WAL receiver, to stop (SIGSTOP) and continue.
    public func walReceiverProcess() throws -> pid_t {
        var pid: pid_t = 0
        try waitUntil("the standby's WAL receiver runs") {
            pid = pid_t(try sql("SELECT coalesce(max(pid), 0) FROM pg_stat_wal_receiver", in: standbyFolder)) ?? 0
            return pid > 0
        }
        return pid
    }

    /// Runs SQL through psql as the superuser on the server whose socket is in `folder`.
    @discardableResult
    public func sql(_ statement: String, in folder: String, database: String = "postgres") throws -> String {
        try run(bin + "/psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", url([folder], database: database), "-c", statement)
    }

    /// Polls `condition` every 50 ms for up to 30 s.
    public func waitUntil(_ what: String, _ condition: () throws -> Bool) throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if (try? condition()) == true { return }
            usleep(50_000)
        }
        throw PostgresTestCluster.Failure(reason: "timed out waiting until \(what)")
    }

    @discardableResult
    func run(_ arguments: String...) throws -> String { try PostgresCommand.run(arguments, scratch: primaryFolder) }
}
