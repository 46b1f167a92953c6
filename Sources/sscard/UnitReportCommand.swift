import ArgumentParser
import CardApp
import CardDomain
import CardResources
import CardStore
import Foundation

/// `sscard unit report --unit 单位编号`: 职工申请情况查询 as CSV, to standard output or a file
/// created 0600. ID numbers are masked unless `--full-id`, which is recorded in the journal
/// before a single number is written (D12). Exit 2 for a usage error (no such unit, an
/// unknown status, a file that cannot be created).
struct UnitReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a unit's employees and their 办卡状态 as CSV.",
        discussion: "ID numbers are masked unless --full-id, which is recorded in the journal before a number is written. A file given with --out is created 0600.\n\nExample: sscard unit report --unit 10000002 --status 待领取 --out /tmp/report.csv --data-dir /srv/sscard"
    )

    @Option(help: ArgumentHelp("The unit's 单位编号.", valueName: "单位编号"))
    var unit: String

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: ArgumentHelp("Only employees in this 办卡状态 (for example 信息已确认).", valueName: "S"))
    var status: String?

    @Option(help: ArgumentHelp("Write the CSV here (created 0600) instead of to standard output.", valueName: "FILE.csv"))
    var out: String?

    @Flag(help: "Whole ID numbers; the export is recorded in the journal first.")
    var fullID = false

    @Flag(help: "Overwrite an existing file (never through a symbolic link).")
    var force = false

    func run() throws {
        var standardError = StandardError()
        func usage(_ message: String) -> ExitCode {
            print("sscard unit report: \(message)", to: &standardError)
            return ExitCode(2)
        }
        let filter = try status.map { text in
            guard let status = ApplicationStatus(rawValue: text) else {
                throw usage("没有「\(TerminalText.escaped(text))」这个办卡状态；可用：" + ApplicationStatus.allCases.map(\.rawValue).joined(separator: "、"))
            }
            return status
        }
        try data.requireJournal()
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        guard repository.state.units[unit] != nil else { throw usage("没有单位编号为 \(TerminalText.escaped(unit)) 的单位") }
        let file = try out.map { path in
            do {
                return try PrivateFile.create(path, overwrite: force, what: "文件", howToOverwrite: "加 --force ")
            } catch let problem as PrivateFile.Problem {
                throw usage(problem.description)
            }
        }
        defer { file?.close() }
        if fullID {
            let user = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
            try repository.execute(.recordJournalExport(scope: "unit-report \(unit) --full-id", fromSequence: 0),
                                   by: .system("unit-report:" + user), context: SessionClock.context(channel: .counter))
        }
        let report = try OpenedRepository.repairingIndex(repository) {
            UnitReport.csv(unit: unit, state: repository.state, reference: repository.reference, status: filter,
                           wholeIDNumbers: fullID)
        }
        guard let file else { return print(report.text, terminator: "") }
        try file.write(report.text)
        print("\(report.count) 名职工已写入 \(TerminalText.escaped(file.path))（仅本人可读）", to: &standardError)
    }
}
