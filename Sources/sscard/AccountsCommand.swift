import ArgumentParser
import CardApp
import CardDomain
import CardStore
import Foundation

/// `sscard accounts …`: 账号管理 from the shell, for scripts. Each change is the same
/// journal event the screen records, made as `shell:$USER`; temporary passwords go only to
/// the terminal that asked (or a 0600 file named with --password-to).
struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "List, create and change login accounts (账号管理).",
        discussion: "Example: sscard accounts add --username guitai07 --role clerk --name 王芳 "
            + "--workplace 中国工商银行北京朝阳支行 --data-dir /srv/sscard",
        subcommands: [AccountsListCommand.self, AccountsAddCommand.self, AccountsDisableCommand.self, AccountsEnableCommand.self,
                      AccountsUnlockCommand.self, AccountsResetPasswordCommand.self, AccountsSetRoleCommand.self,
                      AccountsHistoryCommand.self]
    )

    /// Who the journal says made a change from the shell.
    static var shellActor: Actor {
        Actor(username: "shell:" + (ProcessInfo.processInfo.environment["USER"] ?? "admin"), role: .administrator)
    }

    /// Runs one account change and says what became of it; a refusal exits 1 with its reason.
    static func change(_ request: AccountRequest, data: DataDirectoryOptions, done: String) throws {
        var standardError = StandardError()
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        do {
            let events = try repository.execute(.changeAccount(request), by: shellActor, context: SessionClock.context(channel: .counter))
            print(events.isEmpty ? "账号 \(shown(request.username)) 无需改动" : done)
        } catch let refusal as CommandRefusal {
            print("sscard accounts: \(refusal)", to: &standardError)
            throw ExitCode(1)
        }
    }

    /// A user name as lists show it: a person's ID number masked.
    static func shown(_ username: String) -> String {
        TerminalText.escaped(PrivacyMask.userName(username))
    }

    /// Where a temporary password goes (see `TemporaryPasswordDestination`).
    static func passwordDestination(file: String?, force: Bool) throws -> TemporaryPasswordDestination {
        do {
            return try TemporaryPasswordDestination(file: file, force: force)
        } catch let refusal as TemporaryPasswordDestination.Refusal {
            var standardError = StandardError()
            print("sscard accounts: \(refusal.message)；没有改动任何账号", to: &standardError)
            throw ExitCode(2)
        }
    }

    static func temporaryPasswordLine(_ password: String, for username: String, hours: Int) -> String {
        "账号 \(username) 的临时密码：\(password)（\(hours) 小时内有效，首次登录后须修改）\n"
    }
}

extension Role: ExpressibleByArgument {
    /// 窗口经办 or clerk, 后台制卡审核 or backoffice, 管理员 or admin, 单位经办人 or operator.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "clerk", "counter": self = .counterClerk
        case "backoffice", "back-office", "review": self = .backOffice
        case "admin", "administrator": self = .administrator
        case "operator", "unit", "unitoperator": self = .unitOperator
        default:
            guard let role = Role(rawValue: argument) else { return nil }
            self = role
        }
    }
}
