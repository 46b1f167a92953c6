import ArgumentParser

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The demo data set (DEMO-DATA.md).",
        subcommands: [DemoSeedCommand.self]
    )
}
