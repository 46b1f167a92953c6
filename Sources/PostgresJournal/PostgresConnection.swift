import CPQ
import Foundation

/// One libpq connection, used from one thread at a time. Statements go with text
/// parameters; results come back in binary (a bytea as its bytes, a bigint as 8 bytes
/// big-endian), so a payload is never hex-decoded on the way in.
final class PostgresConnection {
    /// The libpq connection, for `JournalListener`'s socket and notifications.
    let handle: OpaquePointer
    /// The warnings of the last statement. A commit whose wait for the synchronous standby
    /// was cancelled still reports success, with only a warning: the caller must see it.
    private let notices = NoticeLog()
    /// Set when a statement got no answer in time: the connection is then dropped, never
    /// cancelled (a cancelled wait for the standby would report the commit as done).
    private var abandoned = false

    /// Connects with a libpq URL or keyword string. libpq reads the password from the
    /// pgpass file (`PGPASSFILE`, else ~/.pgpass); `PostgresLocation` refuses one anyone
    /// else can read before this is called.
    convenience init(_ conninfo: String) throws {
        try self.init(settings: [("dbname", conninfo)])
    }

    /// Connects with libpq keywords, in order: a later one overrides what the first
    /// (`dbname`, a whole URL) says, as `PQconnectdbParams` documents.
    init(settings: [(String, String)]) throws {
        let keywords = settings.map { strdup($0.0) } + [nil]
        let values = settings.map { strdup($0.1) } + [nil]
        defer { (keywords + values).forEach { free($0) } }
        let made = keywords.map { UnsafePointer<CChar>($0) }.withUnsafeBufferPointer { names in
            values.map { UnsafePointer<CChar>($0) }.withUnsafeBufferPointer { PQconnectdbParams(names.baseAddress, $0.baseAddress, 1) }
        }
        guard let handle = made else { throw PostgresFailure.connection("libpq could not allocate a connection") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
            // The one refusal libpq tells apart whatever the language of its messages: the
            // server asked for a password and the pgpass file had none. Trying again cannot help.
            let missing = PQconnectionNeedsPassword(handle) == 1 ? Self.missingPassword(handle) : nil
            PQfinish(handle)
            if let missing { throw PostgresFailure.login(missing) }
            throw PostgresFailure.connection(message)
        }
        self.handle = handle
        PQsetNoticeReceiver(handle, { context, result in
            guard let context, let result else { return }
            Unmanaged<NoticeLog>.fromOpaque(context).takeUnretainedValue().record(result)
        }, Unmanaged.passUnretained(notices).toOpaque())
    }

    deinit { PQfinish(handle) }

    /// What to add to which pgpass file, for a connection refused for want of a password.
    private static func missingPassword(_ handle: OpaquePointer) -> String {
        let field = { (value: UnsafeMutablePointer<CChar>?) in value.map { String(cString: $0) } ?? "" }
        let (user, host, port, database) = (field(PQuser(handle)), field(PQhost(handle)), field(PQport(handle)), field(PQdb(handle)))
        let environment = ProcessInfo.processInfo.environment
        let file = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
        // As libpq matches it: the default socket directory as "localhost", any other host
        // as it is, with ":" and "\\" escaped (an IPv6 address).
        let hostField = host.isEmpty || host == "/var/run/postgresql" ? "localhost"
            : host.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
        return "the server asks \(user)@\(host):\(port)/\(database) for a password and the pgpass file \(file) has none for it: "
            + "add the line \(hostField):\(port):\(database):\(user):PASSWORD there (chmod 600)"
    }

    /// Whether the connection is still up: after a failure it is not, and the outcome of
    /// a statement sent just before is unknown.
    var isUp: Bool { !abandoned && PQstatus(handle) == CONNECTION_OK }

    /// The warnings the server sent during the last statement.
    var warnings: [String] { notices.warnings }

    /// Runs one statement with `parameters` as text (nil is NULL); rows in binary. Without
    /// an answer within `deadline` the connection is given up and the outcome is unknown.
    @discardableResult
    func query(_ sql: String, _ parameters: [String?] = [], deadline: Duration = .seconds(120)) throws -> PostgresRows {
        notices.warnings = []
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let values = copies.map { UnsafePointer<CChar>($0) }
        let sent = values.withUnsafeBufferPointer { buffer in
            PQsendQueryParams(handle, sql, Int32(parameters.count), nil, buffer.baseAddress, nil, nil, 1)
        }
        guard sent == 1 else { throw PostgresFailure.lost(String(cString: PQerrorMessage(handle))) }
        return PostgresRows(try answer(until: .now + deadline))
    }

    /// The answer to what was sent: the last statement's result (the caller clears it), or
    /// the first failure. FATAL ends the session (a server shutting down): whether a commit
    /// was made before it is unknown. An ERROR aborted the transaction: nothing was done.
    private func answer(until deadline: ContinuousClock.Instant) throws -> OpaquePointer {
        try awaitAnswer(until: deadline)
        var last: OpaquePointer?
        var failed: OpaquePointer?
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            if status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK, failed == nil { failed = result; continue }
            if let last { PQclear(last) }
            last = result
        }
        if let failed {
            if let last { PQclear(last) }
            defer { PQclear(failed) }
            let message = String(cString: PQresultErrorMessage(failed)).trimmingCharacters(in: .whitespacesAndNewlines)
            let state = PQresultErrorField(failed, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let severity = PQresultErrorField(failed, Int32(UInt8(ascii: "V"))).map { String(cString: $0) }
            if !isUp || state == nil || severity != "ERROR" { throw PostgresFailure.lost(message) }
            throw PostgresFailure.statement(state: state ?? "", message: message)
        }
        guard let last else { throw PostgresFailure.lost(String(cString: PQerrorMessage(handle))) }
        return last
    }

    /// Reads until the whole answer is in, or gives the connection up at `deadline`.
    private func awaitAnswer(until deadline: ContinuousClock.Instant) throws {
        while PQisBusy(handle) == 1 {
            let left = deadline - .now
            let milliseconds = max(0, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(clamping: milliseconds))
            if ready == 0 {
                abandoned = true
                throw PostgresFailure.lost("no answer within the deadline; the connection was given up, not cancelled")
            }
            if ready < 0 && errno == EINTR { continue }
            guard PQconsumeInput(handle) == 1 else { throw PostgresFailure.lost(String(cString: PQerrorMessage(handle))) }
        }
    }

    /// Several statements in one string and one round trip, without parameters; the last
    /// one's rows as text. Without the whole answer by `deadline`, the connection is given up.
    func textRows(_ sql: String, deadline: Duration = .seconds(30)) throws -> [[String?]] {
        notices.warnings = []
        guard PQsendQuery(handle, sql) == 1 else { throw PostgresFailure.lost(String(cString: PQerrorMessage(handle))) }
        let result = try answer(until: .now + deadline)
        defer { PQclear(result) }
        return (0..<PQntuples(result)).map { row in
            (0..<PQnfields(result)).map { column in
                PQgetisnull(result, row, column) == 0 ? String(cString: PQgetvalue(result, row, column)) : nil
            }
        }
    }

    /// Several statements in one string, without parameters (the schema, LISTEN).
    func execute(_ sql: String) throws {
        _ = try textRows(sql, deadline: .seconds(120))
    }
}

/// The warnings a connection received, kept where libpq's C callback can reach them.
final class NoticeLog {
    var warnings: [String] = []

    func record(_ result: OpaquePointer) {
        // The untranslated severity: the server may speak another language.
        let severity = PQresultErrorField(result, Int32(UInt8(ascii: "V"))).map { String(cString: $0) } ?? ""
        guard severity == "WARNING" else { return }
        warnings.append(String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// The rows of one result, in binary; freed with it.
final class PostgresRows {
    private let result: OpaquePointer

    init(_ result: OpaquePointer) { self.result = result }
    deinit { PQclear(result) }

    var count: Int { Int(PQntuples(result)) }

    /// The bytes of a value, or nil for NULL.
    func bytes(_ row: Int, _ column: Int) -> [UInt8]? {
        withBytes(row, column) { Array($0) }
    }

    /// `body` over a value's bytes in place (valid only during the call), or nil for NULL:
    /// a million rows' numbers are read without an array each.
    private func withBytes<T>(_ row: Int, _ column: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T? {
        guard PQgetisnull(result, Int32(row), Int32(column)) == 0, let value = PQgetvalue(result, Int32(row), Int32(column)) else { return nil }
        return body(UnsafeRawBufferPointer(start: value, count: Int(PQgetlength(result, Int32(row), Int32(column)))))
    }

    /// A bigint, integer or smallint value (binary, big-endian).
    func integer(_ row: Int, _ column: Int) -> Int64? {
        withBytes(row, column) { bytes -> Int64? in
            guard [2, 4, 8].contains(bytes.count) else { return nil }
            let value = bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            switch bytes.count {
            case 2: return Int64(Int16(truncatingIfNeeded: value))
            case 4: return Int64(Int32(truncatingIfNeeded: value))
            default: return Int64(bitPattern: value)
            }
        } ?? nil
    }

    func boolean(_ row: Int, _ column: Int) -> Bool? { withBytes(row, column) { $0.count == 1 ? $0[0] != 0 : nil } ?? nil }
}

/// What went wrong talking to PostgreSQL.
public enum PostgresFailure: Error, CustomStringConvertible, Equatable {
    /// The server could not be reached or refused the connection.
    case connection(String)
    /// The server wants a password the pgpass file does not hold: an operator must add it.
    case login(String)
    /// The connection dropped during a statement: it may or may not have been done.
    case lost(String)
    /// The server refused a statement (SQLSTATE and message).
    case statement(state: String, message: String)
    /// The only primary reachable is on an older timeline than one this process has
    /// written to: an old primary that came back after a failover, refused.
    case fenced(String)

    public var description: String {
        switch self {
        case .connection(let message): "cannot connect to PostgreSQL: \(message)"
        case .login(let message): "PostgreSQL refused the login: \(message)"
        case .lost(let message): "the connection to PostgreSQL was lost: \(message)"
        case .statement(let state, let message): "PostgreSQL refused (\(state)): \(message)"
        case .fenced(let message): "refused an old primary: \(message)"
        }
    }
}
