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

    @OptionGroup var temporaryPassword: TemporaryPasswordOptions

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try temporaryPassword.record({ hash in .resetPassword(username: username, passwordHash: hash) }, for: username, data: data,
                                     command: "accounts reset-password", done: "已重置账号 \(username) 的密码")
    }
}
