import ArgumentParser

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The demo units, persons and accounts, for trying sscard out.",
        discussion: "Example: sscard demo seed --data-dir /tmp/sscard-demo",
        subcommands: [DemoSeedCommand.self]
    )
}
