import CPQ
import Foundation

/// Wakes a site when another appends: LISTEN on a dedicated connection, whose socket a key
/// loop can poll with its other descriptors. A wake-up is only a hint; readers always read
/// by position (`PostgresJournal.forEachRecord(after:)`), so a notification lost while the
/// connection was down loses nothing: `wait` then answers "look" and reconnects.
public final class JournalListener {
    public static let channel = "sscard_journal"
    private let location: PostgresLocation
    private var connection: PostgresConnection?

    public init(_ location: PostgresLocation) throws {
        self.location = location
        try connect()
    }

    /// A new connection to the primary that listens (a hot standby refuses LISTEN; while
    /// there is no primary, the site polls).
    private func connect() throws {
        connection = nil
        let fresh = try PostgresPrimary.connect(location)
        try fresh.execute("LISTEN \(Self.channel)")
        connection = fresh
    }

    /// The descriptor to poll for readability beside the terminal's, or nil while down.
    public var descriptor: Int32? { connection.map { PQsocket($0.handle) }.flatMap { $0 >= 0 ? $0 : nil } }

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
        guard let connection = connection?.handle, PQstatus(connection) == CONNECTION_OK else { return reconnecting() }
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
