import ArgumentParser
import CardApp
import CardDomain
import CardResources
import CardStore

/// `sscard auth pending`: the codes waiting for a decision, newest first, by terminal and
/// method. The codes themselves are not stored, so only their hashes' start is shown.
struct AuthPendingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pending",
        abstract: "List login codes waiting for a decision.",
        discussion: "Each code with its method, channel and terminal, oldest first.\n\nExample: sscard auth pending --data-dir /srv/sscard"
    )

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try data.requireJournal()
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        let now = SessionClock.nowMicroseconds()
        let pending = repository.state.loginCodes.filter { $0.value.decision == nil && !$0.value.used && $0.value.expiresAt > now }
            .sorted { $0.value.expiresAt > $1.value.expiresAt }
        guard !pending.isEmpty else { return print("没有等待确认的登录码") }
        for (hash, code) in pending {
            print("\(hash.prefix(12))  \(code.channel.label)  终端 \(TerminalText.escaped(code.terminal))  \(code.method)  "
                  + "\(code.actor == "unitOperator" ? "法人登录" : "个人登录")  \(BeijingTime.clock(microseconds: code.expiresAt)) 过期")
        }
    }
}
