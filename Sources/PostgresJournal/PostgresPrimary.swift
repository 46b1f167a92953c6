import CPQ
import Foundation
import Synchronization

/// Finds the server to write to among a URL's hosts (`postgresql://u@db1,db2/sscard`):
/// a primary, not in recovery, on the highest timeline seen. After a failover the promoted
/// standby is on a new timeline; an old primary that comes back is on the old one, and is
/// refused even when it is the only primary left in the list, because this process has
/// seen the newer timeline (or the site's data directory remembers it).
enum PostgresPrimary {
    /// Sessions give up waiting for a lock, or running one statement, instead of hanging a
    /// clerk's screen. Neither cancels a commit's wait for the standby: the server stops the
    /// statement timer before it commits. A writer frozen while it holds the append queue (`PostgresJournal+Append`) is ended by
    /// the server after 10 s idle in its transaction, which frees the queue; that is never
    /// during a commit.
    static let sessionOptions = "-c lock_timeout=5s -c statement_timeout=60s -c idle_in_transaction_session_timeout=10s"

    /// `sscard PID@HOST`, unless the URL names the application: every session of one process
    /// carries it, so `sscard status` counts the processes at each site from the server.
    /// PostgreSQL keeps 63 bytes of it; a long host name is cut to fit.
    public static let applicationName: String = {
        let prefix = "sscard \(getpid())@"
        // gethostname, not ProcessInfo's hostName, which may ask DNS.
        var buffer = [CChar](repeating: 0, count: 256)
        var host = gethostname(&buffer, buffer.count - 1) == 0 ? String(cString: buffer) : "?"
        while prefix.utf8.count + host.utf8.count > 63 { host.removeLast() }
        return prefix + host
    }()

    /// The highest timeline this process has written to, per cluster.
    private static let highest = Mutex<[Int64: Int64]>([:])

    /// A connection to the primary on the highest timeline, remembering that timeline.
    /// Timelines are compared within one cluster (its system identifier, which a standby
    /// made by pg_basebackup shares): a journal copied to a new cluster starts afresh.
    static func connect(_ location: PostgresLocation) throws -> PostgresConnection {
        var found: [(connection: PostgresConnection, cluster: Int64, timeline: Int64)] = []
        var refusals: [String] = []
        var logins: [String] = []
        for (host, port) in try hosts(of: location.conninfo) {
            // A powered-off host would hold each try for the kernel's SYN retries (minutes);
            // before the URL, so a connect_timeout there wins.
            var settings = [("connect_timeout", "5"), ("fallback_application_name", applicationName),
                            ("dbname", location.conninfo), ("options", sessionOptions),
                            ("target_session_attrs", "any")]
            if let host { settings.append(("host", host)) }
            if let port { settings.append(("port", port)) }
            do {
                let connection = try PostgresConnection(settings: settings)
                let rows = try connection.query("""
                    SELECT pg_is_in_recovery(), CASE WHEN pg_is_in_recovery() THEN 0
                      ELSE ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int::bigint END,
                      (SELECT system_identifier FROM pg_control_system())
                    """, deadline: .seconds(10))
                if rows.boolean(0, 0) == false, let timeline = rows.integer(0, 1), let cluster = rows.integer(0, 2) {
                    found.append((connection, cluster, timeline))
                }
                else { refusals.append("\(host ?? "default host"): a standby") }
            } catch PostgresFailure.login(let message) {
                logins.append(message)
                refusals.append("\(host ?? "default host"): \(message)")
            } catch {
                refusals.append("\(host ?? "default host"): \(error)")
            }
        }
        guard let best = found.max(by: { $0.timeline < $1.timeline }) else {
            // Every host refused the login alike: no retry can help, an operator must.
            if !logins.isEmpty, logins.count == refusals.count { throw PostgresFailure.login(logins.joined(separator: "; ")) }
            throw PostgresFailure.connection("no primary among the hosts (\(refusals.joined(separator: "; ")))")
        }
        let stored = location.remembered.flatMap(readTimeline)
        let known = stored.flatMap { $0.cluster == best.cluster ? $0.timeline : nil } ?? 0
        let seen = highest.withLock { $0[best.cluster] ?? 0 }
        guard best.timeline >= max(known, seen) else {
            throw PostgresFailure.fenced("the primary reachable is on timeline \(best.timeline), but this journal has been written on timeline \(max(known, seen)): it is an old primary that came back after a failover")
        }
        highest.withLock { $0[best.cluster] = best.timeline }
        if let file = location.remembered, best.timeline > known { rememberTimeline((best.cluster, best.timeline), in: file) }
        return best.connection
    }

    /// The URL's hosts with their ports (libpq's comma lists); one entry of nils when it names none.
    static func hosts(of conninfo: String) throws -> [(String?, String?)] {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &error) else {
            defer { error.map { PQfreemem($0) } }
            throw PostgresFailure.connection(error.map { String(cString: $0) } ?? "the URL could not be read")
        }
        defer { PQconninfoFree(options) }
        var host: String?, port: String?
        var option = options
        while let keyword = option.pointee.keyword {
            let value = option.pointee.val.map { String(cString: $0) }
            switch String(cString: keyword) {
            case "host": host = value
            case "port": port = value
            default: break
            }
            option += 1
        }
        let hostList = host.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        let portList = port.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
        guard hostList.count > 1 else { return [(hostList.first, portList.first)] }
        return hostList.enumerated().map { index, host in
            (host, portList.count == hostList.count ? portList[index] : portList.first)
        }
    }

    /// The cluster and timeline a site wrote on last, from its file ("cluster timeline").
    static func readTimeline(_ file: String) -> (cluster: Int64, timeline: Int64)? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let fields = text.split(whereSeparator: \.isWhitespace).compactMap { Int64($0) }
        return fields.count == 2 ? (fields[0], fields[1]) : nil
    }

    /// Written beside the site's index, 0600, replaced whole so a crash leaves one or the other.
    static func rememberTimeline(_ place: (cluster: Int64, timeline: Int64), in file: String) {
        let temporary = file + ".new"
        let text = "\(place.cluster) \(place.timeline)\n"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else { return }
        _ = rename(temporary, file)
    }
}
