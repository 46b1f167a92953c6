import ArgumentParser
import Foundation
import Journal

/// `sscard journal dump`: one JSON object per record, for auditors. A payload that is
/// JSON is embedded as JSON; any other payload is given as base64.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the journal's records as JSON Lines: seq, type, time, payload."
    )

    @OptionGroup var data: DataDirectoryOptions

    @Option(name: .customLong("from"), help: ArgumentHelp("The first sequence number to print.", valueName: "SEQ"))
    var from: UInt64 = 1

    func run() throws {
        let directory = try data.existingJournal()
        var standardError = StandardError()
        var output = FileHandleOutput()
        do {
            let reader = try JournalReader(directory: directory, from: from)
            try reader.forEach { sequence, type, timestamp, payload in
                output.write(RecordJSON.line(sequence: sequence, type: type, timestamp: timestamp, payload: payload))
            }
            output.flush()
        } catch {
            output.flush()
            print("sscard: \(error)", to: &standardError)
            throw ExitCode(1)
        }
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
