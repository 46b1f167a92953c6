import ArgumentParser
import CardDomain

/// `sscard accounts disable|enable|unlock USER`: small changes with the same rules as the screen's.
struct AccountsDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable an account: no login method admits it.",
        discussion: "Example: sscard accounts disable guitai07 --data-dir /srv/sscard")
    @Argument(help: "The account's user name (a person's ID number for a person).") var username: String
    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try AccountsCommand.change(.disable(username: username), data: data, done: "已停用账号 \(AccountsCommand.shown(username))")
    }
}

struct AccountsEnableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: "Enable a disabled account again.",
        discussion: "Example: sscard accounts enable guitai07 --data-dir /srv/sscard")
    @Argument(help: "The account's user name.") var username: String
    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try AccountsCommand.change(.enable(username: username), data: data, done: "已启用账号 \(AccountsCommand.shown(username))")
    }
}

struct AccountsUnlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock", abstract: "End a lock that wrong passwords caused.",
        discussion: "Example: sscard accounts unlock guitai07 --data-dir /srv/sscard")
    @Argument(help: "The account's user name.") var username: String
    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try AccountsCommand.change(.unlock(username: username), data: data, done: "已解锁账号 \(AccountsCommand.shown(username))")
    }
}

struct AccountsSetRoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-role", abstract: "Change an account's role, branch or unit.",
        discussion: "Example: sscard accounts set-role guitai07 --role clerk --workplace 中国银行北京海淀支行")
    @Argument(help: "The account's user name.") var username: String
    @Option(help: ArgumentHelp("clerk, backoffice, admin or operator.", valueName: "role")) var role: Role
    @Option(help: "A clerk's branch (所属网点).") var workplace: String?
    @Option(help: ArgumentHelp("A unit operator's unit.", valueName: "单位编号")) var unit: String?
    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try AccountsCommand.change(.setRole(username: username, role: role, workplace: workplace, unitNumber: unit), data: data,
                                   done: "账号 \(AccountsCommand.shown(username)) 的角色已改为\(role.rawValue)")
    }
}
