import Foundation

/// Where a journal on PostgreSQL is: a libpq URL such as
/// `postgresql://sscard@db1,db2/sscard?target_session_attrs=read-write&sslmode=verify-full`.
/// A password never comes in the URL (it would show in `ps` and in shell history): libpq
/// reads it from the pgpass file, which is refused unless only its owner can read it.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public let conninfo: String
    /// The site's file that remembers the cluster and timeline it last wrote on, so that an
    /// old primary is refused even by a site that restarted after the failover.
    public var remembered: String?

    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public init(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isURL(url) else { throw Refusal(reason: "「\(url)」 is not a postgresql:// URL") }
        let authority = url.drop { $0 != "/" }.dropFirst(2).prefix { $0 != "/" && $0 != "?" }
        if let credentials = authority.split(separator: "@", maxSplits: 1).dropLast().first, credentials.contains(":") {
            throw Refusal(reason: "the URL holds a password, which would show in ps and in shell history: take it out, and put it in a pgpass file (chmod 600) named by PGPASSFILE")
        }
        if url.contains("password=") {
            throw Refusal(reason: "the URL holds password=: put the password in a pgpass file (chmod 600) named by PGPASSFILE")
        }
        let pgpass = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
        if let pgpass, let attributes = try? FileManager.default.attributesOfItem(atPath: pgpass),
           let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw Refusal(reason: "the pgpass file \(pgpass) can be read by others (mode \(String(mode, radix: 8))): chmod 600 \(pgpass)")
        }
        conninfo = url
    }

    public var redacted: String { conninfo }
    public var description: String { conninfo }

    public struct Refusal: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }
}
