import ArgumentParser

struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "A unit's collective application (U3).",
        subcommands: [UnitReportCommand.self]
    )
}
