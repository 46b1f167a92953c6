import ArgumentParser
import CardApp
import CardDomain
import CardStore

/// `sscard accounts list`: the recorded accounts, filtered, with ID numbers masked.
struct AccountsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List accounts by role, unit, branch, state or a part of the name.",
        discussion: "States: 正常, 已锁定, 已停用, 须修改密码. Persons who only log in through a platform have no "
            + "recorded account and are not listed.\n\nExample: sscard accounts list --role clerk --state 已锁定")

    @Option(help: ArgumentHelp("Only this role.", valueName: "role")) var role: Role?
    @Option(help: ArgumentHelp("Only this unit's operators.", valueName: "单位编号")) var unit: String?
    @Option(help: "Only accounts whose branch contains this text.") var workplace: String?
    @Option(help: ArgumentHelp("正常, 已锁定, 已停用 or 须修改密码.", valueName: "state")) var state: String?
    @Option(help: "Only user names or names containing this text.") var search: String?
    @OptionGroup var data: DataDirectoryOptions

    func validate() throws {
        if let state, AccountStatus(rawValue: state) == nil {
            throw ValidationError("--state 应为 " + AccountStatus.allCases.map(\.rawValue).joined(separator: "、"))
        }
    }

    func run() throws {
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        let cardState = repository.state
        let now = SessionClock.nowMicroseconds()
        let rows = cardState.accounts.values.sorted { $0.username < $1.username }.filter { account in
            (role == nil || account.role == role)
                && (unit == nil || account.unitNumber == unit)
                && (workplace == nil || account.workplace?.contains(workplace!) == true)
                && (state == nil || cardState.accountStatus(account, now: now).rawValue == state)
                && (search == nil || account.username.localizedCaseInsensitiveContains(search!) || account.displayName.contains(search!))
        }
        print("用户名\t角色\t姓名\t单位或网点\t状态")
        for account in rows {
            let place = account.workplace ?? account.unitNumber.map { number in
                number + (cardState.units[number].map { " " + $0.name } ?? "")
            } ?? ""
            print([AccountsCommand.shown(account.username), account.role.rawValue, TerminalText.escaped(account.displayName),
                   TerminalText.escaped(place), cardState.accountStatus(account, now: now).rawValue].joined(separator: "\t"))
        }
        var standardError = StandardError()
        print("共 \(rows.count) 个账号", to: &standardError)
    }
}
