import ArgumentParser
import PostgresJournal

/// `sscard journal init-postgres URL --app-role ROLE`: the journal's tables, its append
/// function and the triggers that keep it append-only, in an empty database, with the
/// sites' role allowed only to read and to append.
struct JournalInitPostgresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init-postgres",
        abstract: "Create the journal's tables in an empty PostgreSQL database.",
        discussion: """
        Run it as the database's owner. The sites connect as --app-role, which may only SELECT and \
        call the append function: UPDATE, DELETE and TRUNCATE are refused by triggers, for the owner too.

        Example: sscard journal init-postgres 'postgresql://sscard_owner@db1/sscard' --app-role sscard_site
        """
    )

    @Argument(help: ArgumentHelp("The database, as a postgresql:// URL without a password.", valueName: "URL"))
    var url: String

    @Option(help: ArgumentHelp("The role the sites connect as.", valueName: "ROLE"))
    var appRole: String?

    func run() throws {
        var standardError = StandardError()
        do {
            let location = try PostgresLocation(url)
            try PostgresJournal.install(location, appRole: appRole)
            print("journal: created in \(location.redacted)" + (appRole.map { "; \($0) may read and append" } ?? ""))
        } catch let refusal as PostgresLocation.Refusal {
            print("sscard: \(refusal)", to: &standardError)
            throw ExitCode(2)
        } catch let failure as PostgresFailure {
            print("sscard: journal init-postgres: \(failure)", to: &standardError)
            if case .statement(let state, _) = failure, let hint = Self.hint(state, role: appRole ?? "ROLE") {
                print("sscard: journal init-postgres: \(hint); nothing was created", to: &standardError)
            }
            throw ExitCode(1)
        }
    }

    /// What an operator does about the refusals a first set-up meets (SQLSTATE).
    static func hint(_ state: String, role: String) -> String? {
        switch state {
        case "42P07": "this database already holds a journal: init-postgres is for an empty one (sscard journal verify --journal URL checks the one there)"
        case "42501": "run it as the database's owner (CREATE DATABASE sscard OWNER sscard_owner, as PostgreSQL's superuser)"
        case "42704": "create the sites' role first, as PostgreSQL's superuser: CREATE ROLE \(role) LOGIN, then \\password \(role) in psql"
        default: nil
        }
    }
}
