import ArgumentParser
import Foundation
import Journal
import PostgresJournal

/// `sscard journal copy --from A --to B`: a whole journal from one backend to another (a
/// hall's segment journal into the city's PostgreSQL, or back), every record checked,
/// into an empty target only, and read back before it is called done.
struct JournalCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole journal between a data directory and PostgreSQL, checking every record.",
        discussion: """
        A or B is a data directory (its journal/ folder) or a postgresql:// URL without a password \
        (libpq reads it from the pgpass file named by PGPASSFILE, which must be 0600). The target must be \
        empty; a PostgreSQL target must have been made with `sscard journal init-postgres`. Stop the \
        clerks of the source first: records appended during the copy are not copied.

        Example: sscard journal copy --from /srv/sscard --to 'postgresql://sscard@db1,db2/sscard?target_session_attrs=read-write'
        """
    )

    @Option(help: ArgumentHelp("The journal to read.", valueName: "A"))
    var from: String

    @Option(help: ArgumentHelp("The empty journal to write.", valueName: "B"))
    var to: String

    func run() throws {
        var standardError = StandardError()
        let source = try JournalLocationArgument.parse(from, option: "--from")
        let target = try JournalLocationArgument.parse(to, option: "--to")
        do {
            let reading: JournalCopy.Source
            let total: UInt64
            switch source {
            case .dataDirectory(let data):
                guard FileManager.default.fileExists(atPath: data.journal.string) else {
                    print("sscard: --from: no journal at \(data.journal.string)", to: &standardError)
                    throw ExitCode(2)
                }
                // A clerk still running would append to the hall's journal during or after the
                // copy, and the city's would never hold it.
                let holders = JournalHolders.processes(holding: data.journal)
                guard holders.isEmpty else {
                    let who = holders.count == 1 ? "another process has" : "\(holders.count) other processes have"
                    print("sscard: --from: \(who) \(data.journal.string) open (PID "
                          + holders.prefix(10).map(String.init).joined(separator: ", ")
                          + "): stop every clerk, kiosk and unit session on it first; what they append during or after the copy would not be in the target",
                          to: &standardError)
                    throw ExitCode(1)
                }
                reading = .segments(data.journal)
                total = JournalVerifier(directory: data.journal).verify().lastSequence
            case .postgres(let location):
                let store = try PostgresJournal(location)
                reading = .store(store)
                total = store.lastSequence
            }
            let writing = try target.openStore()
            defer { writing.close() }
            let bar = ProgressBar(total: Int(max(total, 1)), label: "复制日志")
            let copied = try JournalCopy(from: reading, to: writing).run { bar.update(Int($0)) }
            bar.finish()
            print("journal copy: \(copied) records from \(source.name) to \(target.name), each checked and read back")
        } catch let refusal as JournalCopy.Refusal {
            print("sscard: journal copy: \(refusal). Whatever was copied before this stays in the target: copy again into a new, empty journal.", to: &standardError)
            throw ExitCode(1)
        } catch let error as PostgresJournalError {
            print("sscard: journal copy: \(error)", to: &standardError)
            throw ExitCode(1)
        } catch let error as PostgresFailure {
            print("sscard: journal copy: \(error)", to: &standardError)
            throw ExitCode(1)
        }
    }
}
