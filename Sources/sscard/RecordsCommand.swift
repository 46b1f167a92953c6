import ArgumentParser

struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Master data: persons loaded from the bureau's files (D11).",
        subcommands: [RecordsImportCommand.self]
    )
}
