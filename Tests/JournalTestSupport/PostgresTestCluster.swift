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

    init() throws {
        bin = try PostgresCommand.bin()
        folder = try PostgresCommand.folder("sscard-pg")
        port = 20_000 + Int(getpid() % 20_000)
        try run(bin + "/initdb", "-D", folder + "/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--data-checksums", "--no-sync")
        try "local all \(Self.passwordRole) scram-sha-256\nlocal all all trust\n"
            .write(toFile: folder + "/data/pg_hba.conf", atomically: true, encoding: .utf8)
        try run(bin + "/pg_ctl", "-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "60", "-o",
                "-c listen_addresses='' -k \(folder) -p \(port) -c max_connections=200", "start")
        PostgresCommand.stopAtExit(data: folder + "/data")
    }

    /// The one role that must give a password (scram-sha-256); every other is trusted.
    public static let passwordRole = "sscard_with_password"

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

    @discardableResult
    func run(_ arguments: String...) throws -> String { try PostgresCommand.run(arguments, scratch: folder) }

    public struct Failure: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }
}
