import ArgumentParser
import CardApp
import CardDomain
import CardResources
import CardStore
import Foundation
import Journal

/// `sscard journal dump`: one JSON object per record, for auditors. A payload that is
/// JSON is embedded as JSON; any other payload is given as base64. Password and code
/// hashes are never exported; ID and phone numbers are masked unless `--full` is given,
/// and a full export is itself recorded in the journal before it starts. It reads either
/// backend: the segment journal under its readers' lock, or PostgreSQL by position.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the journal's records as JSON Lines: seq, type, time, payload (numbers masked).",
        discussion: "Secrets (password and code hashes) are never exported. ID and phone numbers are masked as lists mask them unless --full is given, which is recorded in the journal first.\n\nExample: sscard journal dump --from 100 --data-dir /srv/sscard > audit.jsonl"
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(name: .customLong("from"), help: ArgumentHelp("The first sequence number to print.", valueName: "SEQ"))
    var from: UInt64 = 1

    @Flag(help: "Mask ID and phone numbers (the default).")
    var masked = false

    @Flag(help: "Whole ID and phone numbers; the export is recorded in the journal first.")
    var full = false

    func validate() throws {
        if masked && full { throw ValidationError("--masked and --full cannot be given together") }
    }

    func run() throws {
        let directory = try data.requireJournal()
        var standardError = StandardError()
        var output = FileHandleOutput()
        do {
            if full { try recordFullExport() }
            let reader = try directory.reader(from: from)
            try reader.forEach(stopAfterBatch: nil) { sequence, type, timestamp, payload in
                output.write(RecordJSON.line(sequence: sequence, type: type, timestamp: timestamp, payload: payload,
                                             masked: !full))
            }
            output.flush()
        } catch {
            output.flush()
            print("sscard: \(error)", to: &standardError)
            throw ExitCode(1)
        }
    }

    /// Who asked for whole numbers is recorded before a single one is printed.
    private func recordFullExport() throws {
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        let user = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        try repository.execute(.recordJournalExport(scope: "full", fromSequence: from),
                               by: .system("journal-dump:" + user), context: SessionClock.context(channel: .counter))
    }
}

/// Buffers standard output in large writes: a dump can be millions of lines.
struct FileHandleOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
