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

    @Option(help: ArgumentHelp("Write the temporary password to this new 0600 file instead of the terminal.", valueName: "FILE"))
    var passwordTo: String?

    @Flag(help: "Replace an existing --password-to file.")
    var force = false

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        var standardError = StandardError()
        let deliver = try AccountsCommand.passwordDestination(file: passwordTo, force: force)
        let password = PasswordMaker.temporary()
        let account = AccountRecord(username: username, role: role, displayName: name, passwordHash: try PasswordMaker.hash(password),
                                    unitNumber: unit, workplace: workplace)
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        do {
            try repository.execute(.changeAccount(.create(account)), by: AccountsCommand.shellActor,
                                   context: SessionClock.context(channel: .counter))
        } catch {
            deliver.abandon()
            guard let refusal = error as? CommandRefusal else { throw error }
            print("sscard accounts add: \(refusal)", to: &standardError)
            throw ExitCode(1)
        }
        print("已创建账号 \(username)（\(role.rawValue)）")
        try deliver.deliver(AccountsCommand.temporaryPasswordLine(password, for: username,
                                                          hours: repository.reference.loginPolicy.temporaryPasswordHours))
    }
}
