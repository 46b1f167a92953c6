import ArgumentParser
import CardDomain
import Journal
import PostgresJournal

/// `sscard journal verify`: exit 0 when consistent (a torn tail alone is reported, and
/// still 0), 1 on corruption naming the segment and offset, 2 when there is no journal.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every segment and record of the journal without changing it.",
        discussion: "Exit 0 when every segment and record checks, 1 naming the first damage (segment and offset). Files that are not segments are listed, never read. With --journal postgresql://…, every record's CRC and the hash chain from the first record.\n\nExample: sscard journal verify --data-dir /srv/sscard"
    )

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        if let journal = data.journalURL { return try verifyPostgres(journal) }
        let directory = try data.existingJournal(command: "sscard journal verify")
        var standardError = StandardError()
        let report = JournalVerifier(directory: directory).verify()
        print("journal: \(directory.string)")
        print("segments: \(report.segments)")
        print("records: \(report.records)")
        print("last sequence: \(report.lastSequence)")
        for stray in report.strayFiles {
            print("stray file: \(TerminalText.escaped(stray)) (not a segment; not read)")
        }
        for torn in report.tornTails {
            print("torn tail: \(torn.length) bytes at offset \(torn.offset) of segment \(torn.segment) (the next writer cuts it and keeps a copy)")
        }
        if let corruption = report.corruption {
            print("status: corrupted")
            print("sscard: \(corruption)", to: &standardError)
            throw ExitCode(1)
        }
        print("status: consistent")
    }

    /// Walks a PostgreSQL journal from its first record: each CRC and the hash chain.
    private func verifyPostgres(_ url: String) throws {
        var standardError = StandardError()
        guard case .postgres(let location) = try JournalLocationArgument.parse(url, option: "--journal") else {
            print("sscard: --journal takes a postgresql:// URL; a data directory goes with --data-dir", to: &standardError)
            throw ExitCode(2)
        }
        print("journal: \(location.redacted)")
        var records: UInt64 = 0
        do {
            let store = try PostgresJournal(location)
            defer { store.close() }
            try store.forEachRecord(after: 0) { record, _ in records = record.sequence; return true }
            let head = store.lastSequence
            print("records: \(records)")
            print("last sequence: \(head)")
            guard head == records else {
                print("status: corrupted")
                print("sscard: journal_head says \(head), the journal ends at \(records)", to: &standardError)
                throw ExitCode(1)
            }
            print("status: consistent")
        } catch let damage as PostgresJournalError {
            print("records: \(records) checked before the damage")
            print("status: corrupted")
            print("sscard: \(damage)", to: &standardError)
            throw ExitCode(1)
        } catch let failure as PostgresFailure {
            print("sscard: \(failure)", to: &standardError)
            throw ExitCode(1)
        }
    }
}
