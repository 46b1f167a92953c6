import ArgumentParser
import CardDomain
import Journal

/// `sscard journal verify`: exit 0 when consistent (a torn tail alone is reported, and
/// still 0), 1 on corruption naming the segment and offset, 2 when there is no journal.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every segment and record of the journal without changing it.",
        discussion: "Exit 0 when every segment and record checks, 1 naming the first damage (segment and offset). Files that are not segments are listed, never read.\n\nExample: sscard journal verify --data-dir /srv/sscard"
    )

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        let directory = try data.existingJournal()
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
}
