import ArgumentParser
import Foundation
import CursesBackend
import Journal

@main
struct SSCard: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "sscard",
        abstract: "北京市第三代社保卡申领 — the counter, kiosk and retiree terminal application.",
        discussion: """
            Data lives in --data-dir, else $SSCARD_HOME, else ~/.local/share/sscard.
            Journal tools: 'sscard journal verify' checks every record; 'sscard journal dump'
            prints them as JSON Lines for auditors.
            """,
        version: "sscard \(version) (\(CursesLibrary.version))",
        subcommands: [JournalCommand.self, RecordsCommand.self, DemoCommand.self]
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

    func run() throws {
        if demo, !SystemFileIO().exists(data.data.journal) {
            let outcome = try DemoSeedCommand.seed(data: data, generated: 0)
            print("sscard: 已创建演示数据（\(outcome.recorded) 条记录）于 \(data.resolved().string)")
        }
        // Said plainly rather than pretended: the screens are built in the terminal issue.
        var standardError = StandardError()
        print("""
            sscard: 终端界面尚未完成，本版本还不能办理申领。
            sscard: the full-screen application is not built yet; this build has the journal tools only:
              sscard journal verify --data-dir \(data.resolved().string)
              sscard journal dump   --data-dir \(data.resolved().string)
            """, to: &standardError)
        throw ExitCode(1)
    }
}
