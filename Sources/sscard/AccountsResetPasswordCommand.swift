import ArgumentParser
import CardApp
import CardDomain
import CardStore

/// `sscard accounts reset-password USER`: a new temporary password, to be changed at the next login.
struct AccountsResetPasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password",
        abstract: "Give an account a new temporary password (and end its lock).",
        discussion: "The password is shown once on the terminal, or written to a 0600 file with --password-to."
            + "\n\nExample: sscard accounts reset-password guitai07 --data-dir /srv/sscard")

    @Argument(help: "The account's user name.")
    var username: String

    @Option(help: ArgumentHelp("Write the temporary password to this new 0600 file instead of the terminal.", valueName: "FILE"))
    var passwordTo: String?

    @Flag(help: "Replace an existing --password-to file.")
    var force = false

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        var standardError = StandardError()
        let deliver = try AccountsCommand.passwordDestination(file: passwordTo, force: force)
        let password = PasswordMaker.temporary()
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        do {
            try repository.execute(.changeAccount(.resetPassword(username: username, passwordHash: try PasswordMaker.hash(password))),
                                   by: AccountsCommand.shellActor, context: SessionClock.context(channel: .counter))
        } catch {
            deliver.abandon()
            guard let refusal = error as? CommandRefusal else { throw error }
            print("sscard accounts reset-password: \(refusal)", to: &standardError)
            throw ExitCode(1)
        }
        print("已重置账号 \(username) 的密码")
        try deliver.deliver(AccountsCommand.temporaryPasswordLine(password, for: username,
                                                          hours: repository.reference.loginPolicy.temporaryPasswordHours))
    }
}
