import ArgumentParser

struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "A unit's collective application: its employees and their 办卡状态.",
        discussion: "Example: sscard unit report --unit 10000002 --data-dir /srv/sscard",
        subcommands: [UnitReportCommand.self]
    )
}
