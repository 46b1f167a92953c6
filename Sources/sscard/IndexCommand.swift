import ArgumentParser

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Rebuild or check the read models every process shares (derived from the journal).",
        discussion: "Example: sscard index verify --data-dir /srv/sscard",
        subcommands: [IndexRebuildCommand.self, IndexVerifyCommand.self]
    )
}
