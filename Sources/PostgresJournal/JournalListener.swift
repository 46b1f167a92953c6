import CPQ
import Foundation

/// Wakes a site when another appends: LISTEN on a dedicated connection, whose socket a key
/// loop can poll with its other descriptors. A wake-up is only a hint; readers always read
/// by position (`PostgresJournal.forEachRecord(after:)`), so a notification lost while the
/// connection was down loses nothing: `wait` then answers "look" and reconnects.
public final class JournalListener {
    public static let channel = "sscard_journal"
    private let location: PostgresLocation
    private var connection: OpaquePointer?

    public init(_ location: PostgresLocation) throws {
        self.location = location
        try connect()
    }

    deinit { if let connection { PQfinish(connection) } }

    private func connect() throws {
        if let connection { PQfinish(connection) }
        connection = nil
        guard let fresh = PQconnectdb(location.conninfo) else { throw PostgresFailure.connection("libpq could not allocate a connection") }
        guard PQstatus(fresh) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(fresh))
            PQfinish(fresh)
            throw PostgresFailure.connection(message)
        }
        guard let result = PQexec(fresh, "LISTEN \(Self.channel)") else {
            PQfinish(fresh)
            throw PostgresFailure.lost("LISTEN failed")
        }
        let listening = PQresultStatus(result) == PGRES_COMMAND_OK
        PQclear(result)
        guard listening else {
            // A hot standby refuses LISTEN: the site then polls.
            PQfinish(fresh)
            throw PostgresFailure.statement(state: "", message: "LISTEN refused (a hot standby?)")
        }
        connection = fresh
    }

    /// The descriptor to poll for readability beside the terminal's, or nil while down.
    public var descriptor: Int32? { connection.map { PQsocket($0) }.flatMap { $0 >= 0 ? $0 : nil } }

    /// What a wait found.
    public enum WakeUp: Equatable, Sendable {
        /// Another site appended up to this position.
        case appended(UInt64)
        /// The connection was lost and made again (or is still down): read by position now,
        /// since notifications sent meanwhile are gone.
        case reconnected
        case timedOut
    }

    /// Waits up to `timeout` seconds for a notification.
    public func wait(timeout: Double) -> WakeUp {
        guard let connection, PQstatus(connection) == CONNECTION_OK else { return reconnecting() }
        if let found = drain(connection) { return found }
        var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(timeout * 1000))
        guard ready > 0 else { return .timedOut }
        guard PQconsumeInput(connection) == 1, PQstatus(connection) == CONNECTION_OK else { return reconnecting() }
        return drain(connection) ?? .timedOut
    }

    /// The latest of the notifications received, if any.
    private func drain(_ connection: OpaquePointer) -> WakeUp? {
        var latest: UInt64?
        while let notification = PQnotifies(connection) {
            if let text = notification.pointee.extra, let position = UInt64(String(cString: text)) { latest = max(latest ?? 0, position) }
            PQfreemem(notification)
        }
        return latest.map { .appended($0) }
    }

    private func reconnecting() -> WakeUp {
        try? connect()
        return .reconnected
    }
}
