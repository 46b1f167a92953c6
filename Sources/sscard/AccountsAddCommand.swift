import ArgumentParser
import CardApp
import CardDomain
import CardStore

/// `sscard accounts add`: a staff or unit operator account with a one-time temporary password.
struct AccountsAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create a staff or unit operator account with a temporary password.",
        discussion: "Roles: clerk (窗口经办, needs --workplace from the branch list), backoffice (后台制卡审核), "
            + "admin (管理员), operator (单位经办人, needs --unit). The temporary password is shown once on the terminal "
            + "(or written to a 0600 file with --password-to) and must be changed at the first login."
            + "\n\nExample: sscard accounts add --username guitai07 --role clerk --name 王芳 --workplace 中国工商银行北京朝阳支行")

    @Option(help: "The user name: 3 to 32 letters, digits, . _ or -, starting with a letter.")
    var username: String

    @Option(help: ArgumentHelp("clerk, backoffice, admin or operator (or the Chinese role name).", valueName: "role"))
    var role: Role

    @Option(help: "The name of the person who uses the account.")
    var name: String

    @Option(help: "A clerk's branch (所属网点), as in the branch list.")
    var workplace: String?

    @Option(help: ArgumentHelp("A unit operator's unit (单位编号).", valueName: "单位编号"))
    var unit: String?

    @OptionGroup var temporaryPassword: TemporaryPasswordOptions

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try temporaryPassword.record({ hash in .create(AccountRecord(username: username, role: role, displayName: name, passwordHash: hash, unitNumber: unit, workplace: workplace)) }, for: username, data: data,
                                     command: "accounts add", done: "已创建账号 \(username)（\(role.rawValue)）")
    }
}
