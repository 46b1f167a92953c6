import CardApp
import ArgumentParser
import CardDomain
import CardResources
import CardStore
import Foundation
import SystemPackage

/// `sscard records import FILE.csv`: exit 0 when every row was good, 3 when some were
/// rejected (listed by line, field and reason), 2 for a usage error such as a bad header.
struct RecordsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import persons from a UTF-8 CSV file with a header row.",
        discussion: "Columns: " + PersonColumn.allCases.map(\.rawValue).joined(separator: ", ")
            + ". English aliases (name, id number, …) are accepted.")

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "FILE.csv"))
    var file: String

    @OptionGroup var data: DataDirectoryOptions

    @Flag(help: "Check every row but record nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Write rejected rows here as line,field,reason.", valueName: "REPORT.csv"))
    var report: String?

    func run() throws {
        var standardError = StandardError()
        func usage(_ message: String) -> ExitCode {
            print("sscard records import: \(message)", to: &standardError)
            return ExitCode(2)
        }
        guard let bytes = FileManager.default.contents(atPath: file) else { throw usage("无法读取文件 \(file)") }
        guard let table = CSVTable.parse(Array(bytes)) else { throw usage("\(file) 不是 UTF-8 编码的文本，请另存为 UTF-8 CSV") }
        guard !table.header.isEmpty else { throw usage("\(file) 是空文件，第 1 行应为表头") }
        let started = Date()
        let repository = try CardRepository(data: data.data, reference: try CardResources.referenceData())
        defer { repository.close() }
        let actor = Actor.system("records-import:" + (ProcessInfo.processInfo.environment["USER"] ?? "admin"))
        let importer = RecordsImporter(repository: repository, actor: actor, context: SessionClock.context(channel: .counter))
        let bar = ProgressBar(total: table.rows.count)
        let summary: RecordsImporter.Summary
        do {
            summary = try importer.run(table, dryRun: dryRun) { done, total in bar.update(done) }
        } catch let problem as PersonRowReader.HeaderProblem {
            throw usage("表头错误：\(problem)。可用的列：" + PersonColumn.allCases.map(\.rawValue).joined(separator: "、"))
        }
        bar.finish()
        if !dryRun, summary.recorded > 0 { try repository.saveSnapshot() }
        if let report { try writeReport(summary.rejections, to: report) }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print("rows: \(summary.rows)  \(dryRun ? "would record" : "recorded"): \(summary.recorded)  "
              + "unchanged: \(summary.unchanged)  rejected: \(summary.rejectedRows)  (\(seconds) s)")
        for rejection in summary.rejections.prefix(20) {
            print("第 \(rejection.line) 行 \(rejection.field)：\(rejection.reason)", to: &standardError)
        }
        if summary.rejections.count > 20 {
            print("… 共 \(summary.rejections.count) 个问题" + (report == nil ? "；用 --report 导出全部" : "，全部见 \(report!)"),
                  to: &standardError)
        }
        if summary.rejectedRows > 0 { throw ExitCode(3) }
    }

    /// line,field,reason, readable by the owner only (it names rows of personal data).
    private func writeReport(_ rejections: [RecordsImporter.Rejection], to path: String) throws {
        var text = "line,field,reason\n"
        for rejection in rejections {
            text += "\(rejection.line),\(CSVTable.quote(rejection.field)),\(CSVTable.quote(rejection.reason))\n"
        }
        let descriptor = try FileDescriptor.open(FilePath(path), .writeOnly, options: [.create, .truncate],
                                                 permissions: [.ownerReadWrite])
        try descriptor.closeAfter { _ = try descriptor.writeAll(Array(text.utf8)) }
    }
}
