import CardDomain
import Foundation

/// What a user would otherwise pick: the same persons in SQLite (WAL, synchronous=FULL,
/// the record as JSON, an index on the document number and one on the name), driven
/// through the `sqlite3` command line and timed by its own `.timer` (no process start).
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
        _ = try run("""
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

    /// Each statement's real time in microseconds, as `sqlite3 .timer on` reports it.
    func time(_ statements: [String]) throws -> [Double] {
        let output = try run(".timer on\n" + statements.joined(separator: "\n"))
        return output.split(separator: "\n").compactMap { line -> Double? in
            guard line.hasPrefix("Run Time: real ") else { return nil }
            return Double(line.dropFirst("Run Time: real ".count).split(separator: " ")[0]).map { $0 * 1e6 }
        }
    }

    static func byNumber(_ number: String) -> String { "SELECT record FROM persons WHERE number = '\(number)';" }

    static func byNamePrefix(_ prefix: String) -> String {
        "SELECT number, name FROM persons WHERE name >= '\(prefix)' AND name < '\(prefix)\u{10FFFF}' ORDER BY name, number LIMIT 50;"
    }

    private func run(_ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
