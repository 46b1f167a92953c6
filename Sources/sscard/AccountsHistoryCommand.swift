import ArgumentParser
import CardApp
import CardDomain
import CardStore
import Journal

/// `sscard accounts history USER`: every change to one account, oldest first, with who
/// made it and when, read from the journal itself.
struct AccountsHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show who changed an account, what and when.",
        discussion: "Example: sscard accounts history guitai07 --data-dir /srv/sscard")

    @Argument(help: "The account's user name.") var username: String
    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        let history = try AccountHistory(username: username, data: try data.requireJournal())
        guard !history.entries.isEmpty else {
            var standardError = StandardError()
            print("sscard accounts history: 日志中没有账号 \(AccountsCommand.shown(username)) 的变更记录", to: &standardError)
            throw ExitCode(1)
        }
        for entry in history.entries {
            print("\(BeijingTime.dateTime(microseconds: entry.at))  #\(entry.sequence)  \(TerminalText.escaped(entry.actor))  \(entry.what)")
        }
    }
}
