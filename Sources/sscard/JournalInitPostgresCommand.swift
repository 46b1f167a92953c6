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
            throw ExitCode(1)
        }
    }
}
