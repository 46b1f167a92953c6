import ArgumentParser

struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Check and export the append-only journal.",
        discussion: "Example: sscard journal verify --data-dir /srv/sscard",
        subcommands: [VerifyCommand.self, DumpCommand.self, ViewsCommand.self, RecoverCommand.self, JournalCopyCommand.self, JournalInitPostgresCommand.self]
    )
}
