import ArgumentParser

struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Master data: persons loaded from the bureau's files.",
        discussion: "Example: sscard records import people.csv --report rejected.csv --data-dir /srv/sscard",
        subcommands: [RecordsImportCommand.self]
    )
}
