import CardDomain
import Foundation

/// What a user would otherwise pick: the same persons in SQLite (WAL, synchronous=FULL,
/// the record as JSON, an index on the document number and one on the name), driven
/// through the `sqlite3` command line. Its `.timer` counts whole milliseconds, so a batch
/// of statements is timed instead, less the same process running `SELECT 1` (its start).
struct SQLiteBaseline {
    let folder: String
    var database: String { folder + "/baseline.sqlite" }

    /// Loads `persons` and builds the indexes; returns the seconds it took.
    func load(_ persons: [PersonRecord]) throws -> Double {
        let csv = folder + "/baseline.csv"
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var text = ""
        for person in persons {
            let record = String(decoding: try encoder.encode(person), as: UTF8.self)
            text += [person.documentNumber, person.name, person.mobile ?? "", person.unitNumber ?? "", record]
                .map(CSVTable.quote).joined(separator: ",") + "\n"
        }
        try text.write(toFile: csv, atomically: false, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: database)
        let start = LatencyRecorder.now()
        try run("""
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            CREATE TABLE persons(number TEXT PRIMARY KEY, name TEXT, mobile TEXT, unit TEXT, record TEXT);
            .mode csv
            .import \(csv) persons
            CREATE INDEX persons_name ON persons(name, number);
            CREATE INDEX persons_unit ON persons(unit, number);
            """)
        try? FileManager.default.removeItem(atPath: csv)
        return Double(LatencyRecorder.now() - start) / 1e9
    }

    /// The mean time of one of `statements` in microseconds: the batch's time less the
    /// start of sqlite3 and the opening of the database (best of three each).
    func meanTime(_ statements: [String], repeating: Int? = nil) throws -> Double {
        // Enough statements that the batch stands well above the start's jitter.
        let statements = Array(repeatElement(statements, count: repeating ?? max(1, 2_000 / statements.count)).joined())
        func best(_ script: String) throws -> Double {
            var times: [Double] = []
            for _ in 0..<3 {
                let start = LatencyRecorder.now()
                try run(script)
                times.append(Double(LatencyRecorder.now() - start) / 1e3)
            }
            return times.min()!
        }
        let batch = try best(statements.joined(separator: "\n"))
        let empty = try best("SELECT 1;")
        return max(0, batch - empty) / Double(statements.count)
    }

    /// `rows` rows of `bytes` random bytes each, as many and as large as the journal's
    /// events, in a database of their own; returns the seconds the load took.
    func loadPayloads(rows: Int, bytes: Int) throws -> Double {
        try? FileManager.default.removeItem(atPath: database)
        let start = LatencyRecorder.now()
        try run("""
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            CREATE TABLE events(sequence INTEGER PRIMARY KEY, payload BLOB);
            WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < \(rows))
            INSERT INTO events SELECT n, randomblob(\(bytes)) FROM counter;
            """)
        return Double(LatencyRecorder.now() - start) / 1e9
    }

    /// Seconds sqlite3 takes to read every row's payload and add up their lengths, less
    /// its start and the opening of the database (best of three each).
    func scanSeconds() throws -> Double {
        try meanTime(["SELECT sum(length(payload)) FROM events;"], repeating: 1) / 1e6
    }

    static func byNumber(_ number: String) -> String { "SELECT record FROM persons WHERE number = '\(number)';" }

    static func byNamePrefix(_ prefix: String) -> String {
        "SELECT number, name, record FROM persons WHERE name >= '\(prefix)' AND name < '\(prefix)\u{10FFFF}' ORDER BY name, number LIMIT 50;"
    }

    /// Runs `script` in sqlite3; what it prints is thrown away (rows still go through its
    /// output, as a user's would), and reading our script never waits on it.
    private func run(_ script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
