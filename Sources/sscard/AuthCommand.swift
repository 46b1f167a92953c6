import ArgumentParser

/// The identity port's stand-in (D10): what a real platform (京通, 电子营业执照, ...) would
/// answer, given from a second process; and the SMS outbox, which stands in for a phone.
struct AuthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Answer one-time login codes as the identity platform would, and read the SMS outbox.",
        discussion: "Example: sscard auth pending --data-dir /srv/sscard",
        subcommands: [AuthApproveCommand.self, AuthDenyCommand.self, AuthPendingCommand.self, AuthOutboxCommand.self]
    )
}
