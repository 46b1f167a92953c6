import ArgumentParser
import CardApp
import CardDomain
import CardStore
import Foundation
import Journal

/// `sscard setup`: a new deployment's data directory and its first administrator, whose
/// password is asked at the terminal twice. A directory that already holds a journal is
/// refused, so a running deployment can never be set up over.
struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Create a new deployment and its first administrator.",
        discussion: "Asks the administrator's user name, name and password (twice, not shown) at the terminal; "
            + "passwords are never taken as arguments. Refuses a data directory that already holds a journal. "
            + "Then prints the next steps: import units and persons, create the clerks' accounts."
            + " With --journal postgresql://…, the journal on PostgreSQL (made by sscard journal init-postgres) is the one set up."
            + "\n\nExample: sscard setup --data-dir /srv/sscard")

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        var standardError = StandardError()
        let root = data.resolved()
        if try data.hasJournal() {
            print("sscard setup: \(data.data.journalURL ?? root.string) 中已经有日志，不能再次初始化。"
                  + "已有的部署请用管理员账号登录，或用 sscard accounts add 添加账号", to: &standardError)
            if let url = data.data.journalURL {
                print("sscard setup: 要让 \(root.string) 作为新站点使用这个日志，写入 \(root.appending(JournalSetting.configName).string)："
                      + #"{"journal": "\#(url)"}"# + "（权限 0600），见 docs/OPERATIONS.md「A new site」", to: &standardError)
            }
            throw ExitCode(2)
        }
        if let url = data.data.journalURL, let conflict = try JournalSetting.conflict(with: url, root: root) {
            print("sscard setup: \(conflict)", to: &standardError)
            throw ExitCode(2)
        }
        print("初始化 sscard 部署：\(root.string)", to: &standardError)
        var username = ""
        while true {
            guard let typed = PasswordPrompt.answer("第一个管理员的用户名：") else { throw ExitCode(2) }
            if let problem = AccountRecord.usernameProblem(typed) {
                print("sscard setup: \(problem.field)\(problem.message)", to: &standardError)
                if isatty(STDIN_FILENO) != 1 { throw ExitCode(2) }
                continue
            }
            username = typed
            break
        }
        let typedName = PasswordPrompt.answer("管理员姓名（可留空）：") ?? ""
        let displayName = typedName.isEmpty ? username : typedName
        if let problem = FreeText.problem(displayName, maximumCharacters: 20) {
            print("sscard setup: 姓名\(problem)", to: &standardError)
            throw ExitCode(2)
        }
        let password = try PasswordPrompt.newPassword(owner: .init(username: username), command: "setup")
        let account = AccountRecord(username: username, role: .administrator, displayName: displayName,
                                    passwordHash: try PasswordMaker.hash(password))
        // Remembered before the first record, so that no later command on this directory
        // can open a local journal beside the shared one.
        let remembered = try data.data.journalURL.map { try JournalSetting.remember($0, in: data.data) } ?? false
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        _ = try repository.execute(.recordAccount(account), by: .system("setup"), context: SessionClock.context(channel: .counter))
        if let url = data.data.journalURL {
            let note = remembered ? "已记在 \(root.appending(JournalSetting.configName).string)，以后的命令不必再指定" : "由配置文件指定"
            print("日志：\(url)（\(note)）")
        }
        print("""
        已创建部署 \(root.string) 和管理员 \(username)。接下来：
          1. 导入单位：sscard units import 单位.csv --data-dir \(root.string)
          2. 导入人员：sscard records import 人员.csv --data-dir \(root.string)
          3. 开通窗口经办等账号：sscard accounts add --data-dir \(root.string)
          4. 启动窗口：sscard --channel counter --data-dir \(root.string)
        详见 docs/OPERATIONS.md
        """)
    }
}
