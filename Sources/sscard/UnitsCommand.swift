import ArgumentParser

struct UnitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "Load units (单位) as master data.",
        discussion: "Example: sscard units import units.csv --report rejected.csv --data-dir /srv/sscard",
        subcommands: [UnitsImportCommand.self]
    )
}
