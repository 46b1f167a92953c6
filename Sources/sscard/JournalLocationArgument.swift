import ArgumentParser
import CardStore
import Journal
import PostgresJournal
import SystemPackage

/// A journal named on the command line: a postgresql:// URL, or a data directory whose
/// `journal/` folder holds the segment journal.
enum JournalLocationArgument {
    case postgres(PostgresLocation)
    case dataDirectory(DataDirectory)

    static func parse(_ text: String, option: String) throws -> JournalLocationArgument {
        guard PostgresLocation.isURL(text) else { return .dataDirectory(DataDirectory(FilePath(text))) }
        do {
            return .postgres(try PostgresLocation(text))
        } catch let refusal as PostgresLocation.Refusal {
            var standardError = StandardError()
            print("sscard: \(option): \(refusal)", to: &standardError)
            throw ExitCode(2)
        }
    }

    /// Opens an existing PostgreSQL journal, or the data directory's (made if missing).
    func openStore() throws -> any JournalStore {
        switch self {
        case .postgres(let location): return try PostgresJournal(location)
        case .dataDirectory(let data):
            try data.create(io: SystemFileIO())
            return try Journal(directory: data.journal)
        }
    }

    var name: String {
        switch self {
        case .postgres(let location): location.redacted
        case .dataDirectory(let data): data.journal.string
        }
    }
}
