import ArgumentParser

struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Check and export the append-only journal.",
        subcommands: [VerifyCommand.self, DumpCommand.self, ViewsCommand.self, RecoverCommand.self]
    )
}
