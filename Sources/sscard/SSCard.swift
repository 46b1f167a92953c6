import ArgumentParser
import Foundation
import CardApp
import CardDomain
import CardResources
import CardStore
import CursesBackend
import Journal
import PostgresJournal

@main
struct SSCard: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "sscard",
        abstract: "北京市第三代社保卡申领 — the counter, kiosk and retiree terminal application.",
        discussion: "Starts on the channel's login-choice screen. Data lives in --data-dir, else $SSCARD_HOME, "
            + "else ~/.local/share/sscard. Without a terminal, or with TERM=dumb, the same flows run as "
            + "line-by-line prompts (--plain). The subcommands below check, export and repair the data "
            + "directory; each one's --help gives an example.\n\nExample: sscard --channel counter --data-dir /srv/sscard",
        version: "sscard \(version) (\(CursesLibrary.version))",
        subcommands: [SetupCommand.self, AccountsCommand.self, UnitsCommand.self, BackupCommand.self, RestoreCommand.self, StatusCommand.self, JournalCommand.self, IndexCommand.self, RecordsCommand.self, DemoCommand.self, UnitCommand.self, AuthCommand.self, CACommand.self]
    )

    @OptionGroup var data: DataDirectoryOptions

    /// Every usage error exits 2 (ArgumentParser's default is 64), as the import's contract says.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                var standardError = StandardError()
                print(fullMessage(for: error), to: &standardError)
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    @Flag(help: "Create the demo data set in the data directory when it is empty.")
    var demo = false

    @Option(help: ArgumentHelp("The channel profile: web (网厅), jingtong (京通), minsheng (民生一卡通) or counter (窗口).",
                               valueName: "channel"))
    var channel: Channel = .web

    @Flag(help: "Kiosk mode: no way out, Ctrl-C and Ctrl-Z ignored, an idle session is cleared.")
    var kiosk = false

    @Flag(help: "Accessible mode: line-by-line prompts without cursor addressing (also when TERM=dumb).")
    var plain = false

    @Flag(help: "Elder-friendly mode (长者版): more space, prominent headings, no time pressure.")
    var elder = false

    @Option(help: ArgumentHelp("Where the photo picker opens (default: the current directory).", valueName: "dir"))
    var photoDir: String?

    @Option(help: ArgumentHelp("The printer receipts go to, through lp (CUPS); also SSCARD_PRINTER. Without one, receipts are kept as PDF files under the data directory's receipts/.",
                               valueName: "name"))
    var printer: String?

    func run() throws {
        if demo, try !data.hasJournal() {
            let outcome = try DemoSeedCommand.seed(data: data, generated: 0)
            print("sscard: 已创建演示数据（\(outcome.recorded) 条记录）于 \(data.resolved().string)")
        }
        let repository: CardRepository
        do {
            // A journal on a server that does not answer: a clerk at a terminal waits for it.
            let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1
            repository = try ServerWait.opening(data, interactive: interactive) {
                // An empty data directory has nobody who could log in: say what to run instead
                // of showing a login nobody can pass, and create nothing.
                if !demo, PathSafety.problem(at: data.resolved(), what: "数据目录") == nil,
                   PathSafety.problem(at: data.data.journal, what: "日志文件夹") == nil, try !data.hasJournal() {
                    print(Self.emptyDirectoryGuide(data.resolved().string))
                    throw ExitCode(2)
                }
                return try OpenedRepository.open(data)
            }
        } catch let error as JournalError {
            var standardError = StandardError()
            print("sscard: 无法打开数据目录 \(data.resolved().string) 中的日志，程序没有启动，也没有改动任何数据。", to: &standardError)
            if case .needsRecovery = error {
                print("sscard: 上次写入失败的记录未能作废。请先检查磁盘，再运行 sscard journal recover。", to: &standardError)
            } else {
                print("sscard: 请运行 sscard journal verify 查看详情，并联系管理员。", to: &standardError)
            }
            print("sscard: \(error)", to: &standardError)
            throw ExitCode(1)
        } catch PostgresFailure.login(let reason) {
            // Not the server away: waiting at the terminal would wait for ever.
            var standardError = StandardError()
            print("sscard: 日志服务器要求密码，本机的 pgpass 文件里没有，程序没有启动，也没有改动任何数据。请管理员补上密码后再启动。", to: &standardError)
            print("sscard: \(reason)", to: &standardError)
            throw ExitCode(1)
        }
        defer { repository.close() }
        let photos = photoDir ?? FileManager.default.currentDirectoryPath
        let printer = self.printer ?? ProcessInfo.processInfo.environment["SSCARD_PRINTER"]
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        // Without a terminal on both ends (a pipe, a script) curses cannot start: prompt instead.
        let hasTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let isPlain = plain || term.isEmpty || term == "dumb" || !hasTerminal
        // The plain mode gives a login code as text alone; a full screen asks the terminal first.
        let scanCode = isPlain ? .textOnly : ScanCodeDrawing.chosen(override: ProcessInfo.processInfo.environment["SSCARD_QR"],
                                                                    probedWidth: { TerminalProbe.ambiguousWidth() })
        let options = AppOptions(channel: channel, kiosk: kiosk, elder: elder, photoDirectory: photos, printer: printer,
                                 scanCode: scanCode)
        let environment = try AppEnvironment(repository: repository, policy: TerminalPolicy.load(), options: options,
                                             terminal: SessionClock.terminalName())
        let model = AppModel(environment: environment, now: SessionClock.nowMicroseconds())
        let code: Int32
        if isPlain {
            var console = PlainConsole(model: model, readLine: PlainInput.readLine(secret:),
                                       write: { print($0); fflush(nil) }, now: SessionClock.nowMicroseconds)
            code = console.run()
        } else {
            var session = FullScreenSession(model: model)
            code = session.run()
        }
        if code != 0 { throw ExitCode(code) }
    }
}

extension SSCard {
    /// One screen (within 80x24) for a start on a data directory that holds no journal.
    static func emptyDirectoryGuide(_ root: String) -> String {
        """
        sscard：数据目录 \(root) 还没有任何数据，没有人可以登录。

        新部署请按以下步骤开始：
          1. 创建部署和第一个管理员（会询问用户名和两次密码）：
               sscard setup --data-dir \(root)
          2. 导入单位和人员：
               sscard units import 单位.csv --data-dir \(root)
               sscard records import 人员.csv --data-dir \(root)
          3. 开通窗口经办等工作人员账号：
               sscard accounts add --username 用户名 --role clerk --name 姓名 --workplace 网点 --data-dir \(root)
          4. 启动：sscard --channel counter --data-dir \(root)

        只想看看演示：sscard --demo --data-dir 一个新的目录
        如果数据应该已经在别的目录，请用 --data-dir 或 SSCARD_HOME 指向它。
        详见 docs/OPERATIONS.md。
        """
    }
}

extension Channel: ExpressibleByArgument {}
