import ArgumentParser
import CardStore
import Foundation
import Journal
import SystemPackage

/// `--data-dir DIR`, shared by every command; defaults to $SSCARD_HOME or ~/.local/share/sscard.
/// `--journal URL` names a journal on PostgreSQL shared by many sites (see `JournalSetting`).
struct DataDirectoryOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp("The data directory.", valueName: "DIR"))
    var dataDirectory: String?

    @Option(name: .customLong("journal"),
            help: ArgumentHelp("A journal on PostgreSQL shared by many sites (postgresql://USER@HOST1,HOST2/DB; the password in a 0600 pgpass file). Also SSCARD_JOURNAL, or \"journal\" in DIR/config.json. Without one, the journal is DIR/journal.",
                               valueName: "URL"))
    var journal: String?

    func validate() throws {
        let named: String?
        do {
            named = try JournalSetting.resolve(option: journal, root: resolved())
        } catch let problem as JournalSetting.Problem {
            throw ValidationError("\(problem)")
        }
        if named == nil, let problem = JournalSetting.unnamedSharedJournal(root: resolved()) {
            var standardError = StandardError()
            print("sscard: \(problem)", to: &standardError)
            throw ExitCode(2)
        }
    }

    /// The PostgreSQL journal's URL when one is named; validated before `run`.
    var journalURL: String? { try? JournalSetting.resolve(option: journal, root: resolved()) }

    func resolved() -> FilePath {
        if let dataDirectory { return FilePath(dataDirectory) }
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["SSCARD_HOME"], !home.isEmpty { return FilePath(home) }
        let userHome = environment["HOME"] ?? NSHomeDirectory()
        return FilePath(userHome).appending(".local/share/sscard")
    }

    var data: DataDirectory { DataDirectory(resolved(), journalURL: journalURL) }

    /// Whether there is a journal to open: the segment journal's folder, or a PostgreSQL
    /// journal holding at least one record.
    func hasJournal() throws -> Bool {
        guard journalURL != nil else { return SystemFileIO().exists(data.journal) }
        let store = try data.openJournal()
        defer { store.close() }
        return store.lastSequence > 0
    }

    /// The data directory when it has a journal to read, on either backend; else exit 2 (or
    /// 1 for a folder others could write) with the reason.
    @discardableResult
    func requireJournal() throws -> DataDirectory {
        guard journalURL != nil else {
            _ = try existingJournal()
            return data
        }
        guard try hasJournal() else {
            var standardError = StandardError()
            print("sscard: the journal at \(data.journalName) holds no records yet: run sscard setup --journal URL, or sscard journal copy into it", to: &standardError)
            throw ExitCode(2)
        }
        return data
    }

    /// The segment journal's folder, or exit 2 with a message when there is none to read,
    /// or when the journal is on PostgreSQL and `command` reads only segment files.
    func existingJournal(command: String = "this command") throws -> FilePath {
        if let journalURL {
            var standardError = StandardError()
            print("sscard: \(command) reads the segment journal; the journal here is on PostgreSQL (\(journalURL)). Use sscard journal verify --journal URL, or sscard journal copy to a data directory first.", to: &standardError)
            throw ExitCode(2)
        }
        let directory = data.journal
        var standardError = StandardError()
        // Permission denied is said as such, not as "no journal".
        if let refusal = PathSafety.problem(at: resolved(), what: "数据目录") ?? PathSafety.problem(at: directory, what: "日志文件夹") {
            print("sscard: \(refusal)", to: &standardError)
            throw ExitCode(1)
        }
        guard SystemFileIO().exists(directory) else {
            print("sscard: no journal at \(directory.string)", to: &standardError)
            throw ExitCode(2)
        }
        return directory
    }
}
