import Foundation
import Journal

/// What a user would measure instead: pgbench running a one-row INSERT of the same 300
/// bytes on the same server, with the same durability, in the same run as the journal.
/// The table (`sscard_bench_insert`) is made for it and dropped after.
struct PgbenchBaseline {
    var url: String

    /// pgbench from PATH, else the newest PostgreSQL's bin folder.
    static var executable: String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/pgbench" }
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >).map { "/usr/lib/postgresql/\($0)/bin/pgbench" }
        return (path + versions).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Transactions per second with `clients` connections, each running `transactions`; nil
    /// when pgbench is not installed.
    func run(clients: Int, transactions: Int) throws -> Double? {
        guard Self.executable != nil else { return nil }
        let payload = String(repeating: "a", count: 300)
        _ = try psql("DROP TABLE IF EXISTS sscard_bench_insert; CREATE TABLE sscard_bench_insert(id bigserial PRIMARY KEY, payload bytea)")
        defer { _ = try? psql("DROP TABLE IF EXISTS sscard_bench_insert") }
        return try pgbench("INSERT INTO sscard_bench_insert(payload) VALUES ('\(payload)'::bytea);\n",
                           clients: clients, transactions: transactions)?.tps
    }

    /// Records appended per second by pgbench itself calling `sscard_append`, each making a
    /// valid record (its hash computed in SQL) on the head it reads in the same statement:
    /// the server's part of an append alone, with no sscard client. A call that finds the
    /// head moved appends nothing, so the rate counts records, not calls. Nil without pgbench.
    func runAppendFunction(clients: Int, transactions: Int) throws -> Double? {
        guard Self.executable != nil else { return nil }
        let payload = [UInt8](repeating: 0x61, count: 300)
        let bytes = "'\\x" + payload.map { String(format: "%02x", $0) }.joined() + "'::bytea"
        let crc = Int64(CRC32C.mask(CRC32C.checksum(payload)))
        let at = JournalOptions.wallClock()
        // The chain as JournalChain makes it: SHA-256 over the previous hash, then position,
        // type (2 bytes) and timestamp big-endian, then the payload.
        let script = """
            SELECT sscard_append(h.position, ARRAY[gen_random_uuid()], '{1}', ARRAY[\(bytes)], ARRAY[\(crc)::bigint],
                ARRAY[sha256(h.hash || int8send(h.position + 1) || '\\x0001'::bytea || int8send(\(at)::bigint) || \(bytes))],
                ARRAY[\(at)::bigint]) FROM journal_head h;

            """
        let head = { Int(try psql("SELECT position FROM journal_head").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }
        let before = try head()
        guard let result = try pgbench(script, clients: clients, transactions: transactions) else { return nil }
        guard result.processed > 0 else { throw BenchFailure(reason: "pgbench ran no transaction") }
        return result.tps * Double(try head() - before) / Double(result.processed)
    }

    /// Runs `script` with pgbench: its tps and how many transactions it ran; nil without pgbench.
    private func pgbench(_ script: String, clients: Int, transactions: Int) throws -> (tps: Double, processed: Int)? {
        guard let pgbench = Self.executable else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sscard-pgbench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("script.sql").path
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        let text = try Self.output(pgbench, ["-n", "-c", "\(clients)", "-j", "\(clients)", "-t", "\(transactions)", "-f", file, url])
        let lines = text.split(separator: "\n")
        guard let tpsLine = lines.first(where: { $0.hasPrefix("tps = ") }),
              let tps = Double(tpsLine.dropFirst(6).prefix { $0 != " " }),
              let processedLine = lines.first(where: { $0.hasPrefix("number of transactions actually processed: ") }),
              let processed = Int(processedLine.split(separator: " ").last?.split(separator: "/").first ?? "") else {
            throw BenchFailure(reason: "pgbench said: \(text)")
        }
        return (tps, processed)
    }

    /// psql, beside pgbench, running `sql` on the same database: its unaligned output.
    private func psql(_ sql: String) throws -> String {
        guard let pgbench = Self.executable else { throw BenchFailure(reason: "pgbench not found") }
        let psql = URL(fileURLWithPath: pgbench).deletingLastPathComponent().appendingPathComponent("psql").path
        return try Self.output(psql, ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql])
    }

    static func output(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw BenchFailure(reason: "\(executable) failed: \(text)") }
        return text
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
