import CPQ
import Foundation

/// One libpq connection, used from one thread at a time. Statements go with text
/// parameters; results come back in binary (a bytea as its bytes, a bigint as 8 bytes
/// big-endian), so a payload is never hex-decoded on the way in.
final class PostgresConnection {
    /// The libpq connection, for `JournalListener`'s socket and notifications.
    let handle: OpaquePointer

    /// Connects with a libpq URL or keyword string. libpq reads the password from the
    /// pgpass file (`PGPASSFILE`, else ~/.pgpass); `PostgresLocation` refuses one anyone
    /// else can read before this is called.
    init(_ conninfo: String) throws {
        guard let handle = PQconnectdb(conninfo) else { throw PostgresFailure.connection("libpq could not allocate a connection") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(handle)
            throw PostgresFailure.connection(message)
        }
        self.handle = handle
    }

    deinit { PQfinish(handle) }

    /// Whether the connection is still up: after a failure it is not, and the outcome of
    /// a statement sent just before is unknown.
    var isUp: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Runs one statement with `parameters` as text (nil is NULL); rows in binary.
    @discardableResult
    func query(_ sql: String, _ parameters: [String?] = []) throws -> PostgresRows {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let values = copies.map { UnsafePointer<CChar>($0) }
        let result = values.withUnsafeBufferPointer { buffer in
            PQexecParams(handle, sql, Int32(parameters.count), nil, buffer.baseAddress, nil, nil, 1)
        }
        guard let result else { throw PostgresFailure.lost(String(cString: PQerrorMessage(handle))) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let message = String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            PQclear(result)
            if !isUp { throw PostgresFailure.lost(message) }
            throw PostgresFailure.statement(state: state ?? "", message: message)
        }
        return PostgresRows(result)
    }

    /// Several statements in one string, without parameters (the schema).
    func execute(_ sql: String) throws {
        guard let result = PQexec(handle, sql) else { throw PostgresFailure.lost(String(cString: PQerrorMessage(handle))) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            throw PostgresFailure.statement(state: PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? "",
                                            message: String(cString: PQresultErrorMessage(result)))
        }
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
        guard PQgetisnull(result, Int32(row), Int32(column)) == 0, let value = PQgetvalue(result, Int32(row), Int32(column)) else { return nil }
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        return value.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    /// A bigint, integer or smallint value (binary, big-endian).
    func integer(_ row: Int, _ column: Int) -> Int64? {
        guard let bytes = bytes(row, column), [2, 4, 8].contains(bytes.count) else { return nil }
        let value = bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        switch bytes.count {
        case 2: return Int64(Int16(truncatingIfNeeded: value))
        case 4: return Int64(Int32(truncatingIfNeeded: value))
        default: return Int64(bitPattern: value)
        }
    }

    func boolean(_ row: Int, _ column: Int) -> Bool? { bytes(row, column).flatMap { $0.count == 1 ? $0[0] != 0 : nil } }
}

/// What went wrong talking to PostgreSQL.
public enum PostgresFailure: Error, CustomStringConvertible, Equatable {
    /// The server could not be reached or refused the login.
    case connection(String)
    /// The connection dropped during a statement: it may or may not have been done.
    case lost(String)
    /// The server refused a statement (SQLSTATE and message).
    case statement(state: String, message: String)

    public var description: String {
        switch self {
        case .connection(let message): "cannot connect to PostgreSQL: \(message)"
        case .lost(let message): "the connection to PostgreSQL was lost: \(message)"
        case .statement(let state, let message): "PostgreSQL refused (\(state)): \(message)"
        }
    }
}
