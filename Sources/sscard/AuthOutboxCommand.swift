import ArgumentParser
import CardDomain
import CardStore

/// `sscard auth outbox`: the SMS messages the built-in gateway "sent", oldest first, with
/// the number masked (D12). It stands in for the person's phone: the code is read here.
struct AuthOutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Print the SMS messages sent by the built-in gateway.",
        discussion: "The built-in gateway stands in for the bureau's SMS service: it appends each message to the data directory's sms-outbox file (0600).\n\nExample: sscard auth outbox --last 5 --data-dir /srv/sscard"
    )

    @Option(help: ArgumentHelp("Only the last N messages.", valueName: "N"))
    var last: Int?

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try data.requireJournal()
        var entries = try SMSOutbox(data: data.data).entries()
        if let last { entries = Array(entries.suffix(max(0, last))) }
        guard !entries.isEmpty else { return print("短信发件箱为空") }
        for entry in entries {
            print("\(BeijingTime.dateTime(microseconds: entry.at))  \(PrivacyMask.phoneNumber(entry.phone))  \(TerminalText.escaped(entry.message))")
        }
    }
}
