import CardApp
import ArgumentParser
import CardDomain
import CardResources
import CardStore
import Foundation
import SystemPackage

/// One import of a master-data file (persons, units), as `records import` and `units
/// import` run it: the whole file is checked for encoding and quotes first, the report is
/// opened before anything is recorded, rows are read a batch at a time with a progress bar,
/// and the summary is exact. Exit 0 when every row was good, 3 when some were rejected, 2
/// for a usage error, 1 when the disk failed part-way.
struct MasterDataImport {
    let options: ImportFileOptions
    var file: String { options.file }
    var data: DataDirectoryOptions { options.data }
    var dryRun: Bool { options.dryRun }
    var report: String? { options.report }
    var force: Bool { options.force }
    /// The command's name in messages, such as "units import".
    let command: String
    /// Who the journal says imported, before ":$USER".
    let actorPrefix: String

    func run<Reader: MasterDataRows>(columns: [String],
                                     reader makeReader: ([String], CardRepository, CommandContext) throws -> Reader) throws {
        var standardError = StandardError()
        let shownFile = TerminalText.escaped(file)
        func usage(_ message: String) -> ExitCode {
            print("sscard \(command): \(message)", to: &standardError)
            return ExitCode(2)
        }
        // Read as bytes once, never from a FIFO or a device. The whole file is checked first
        // (UTF-8, quotes, rows counted), then its rows are read a batch at a time, so a file
        // of a million rows is never held as rows at once.
        guard case .success(let read) = RegularFile.read(file, limit: Int.max) else { throw usage("无法读取文件 \(shownFile)") }
        guard let table = CSVTable.survey(read.bytes) else { throw usage("\(shownFile) 不是 UTF-8 编码的文本，请另存为 UTF-8 CSV") }
        if let line = table.unclosedQuoteLine {
            throw usage("第 \(line) 行的引号没有闭合：其后直到文件末尾的内容都会成为一个字段。请检查该行的引号后重新导入；没有导入任何行")
        }
        guard !table.header.isEmpty else { throw usage("\(shownFile) 是空文件，第 1 行应为表头") }
        // The report is opened before anything is recorded, so it cannot fail afterwards for its path.
        let reportFile = try report.map { path in
            do {
                return try ReportFile.create(path, overwrite: force)
            } catch let problem as PrivateFile.Problem {
                throw usage(problem.description)
            }
        }
        defer { reportFile?.close() }
        let started = Date()
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        repository.upkeep = .bulk
        let actor = Actor.system(actorPrefix + ":" + (ProcessInfo.processInfo.environment["USER"] ?? "admin"))
        let context = SessionClock.context(channel: .counter)
        let importer = RecordsImporter(repository: repository, actor: actor, context: context)
        let bar = ProgressBar(total: table.rowCount)
        var rows = CSVRecordScanner(read.bytes[...])
        _ = try rows.nextNonBlank()  // the header
        let summary: RecordsImporter.Summary
        let reader: Reader
        do {
            reader = try makeReader(table.header, repository, context)
        } catch {
            throw usage("表头错误：\(error)。可用的列：" + columns.joined(separator: "、"))
        }
        summary = try importer.run(reader, rowCount: table.rowCount, dryRun: dryRun,
                                   progress: { done, _ in bar.update(done) }) { count in
            var batch: [CSVTable.Row] = []
            while batch.count < count, let row = try rows.nextNonBlank() { batch.append(row) }
            return batch
        }
        bar.finish()
        var failures: [String] = []
        if let interruption = summary.interruption {
            let through = summary.lastRecordedLine.map { "第 \($0) 行及以前的行已导入" } ?? "没有任何行被导入"
            failures.append("导入中断：\(through)，其后的行没有导入（\(interruption)）。修复磁盘后可再次导入同一文件，已导入的行不会重复")
        }
        if !dryRun, summary.recorded > 0 {
            do {
                try repository.saveSnapshot()
            } catch {
                print("sscard: 快照未能保存（\(error)）；记录已写入日志，下次启动时会重放，不影响数据", to: &standardError)
            }
        }
        if let reportFile {
            do {
                try reportFile.write(summary.rejections)
            } catch {
                failures.append("报告未能写入 \(TerminalText.escaped(reportFile.path))：\(error)")
            }
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print("rows: \(summary.rows)  \(dryRun ? "would record" : "recorded"): \(summary.recorded)  "
              + "unchanged: \(summary.unchanged)  rejected: \(summary.rejectedRows)  (\(seconds) s)")
        for rejection in summary.rejections.prefix(20) {
            print("第 \(rejection.line) 行 \(TerminalText.escaped(rejection.field))：\(TerminalText.escaped(rejection.reason))",
                  to: &standardError)
        }
        if summary.rejections.count > 20 {
            print("… 共 \(summary.rejections.count) 个问题"
                  + (report == nil ? "；用 --report 导出全部" : "，全部见 \(TerminalText.escaped(report!))"), to: &standardError)
        }
        for failure in failures { print("sscard: \(failure)", to: &standardError) }
        if !failures.isEmpty { throw ExitCode(1) }
        if summary.rejectedRows > 0 { throw ExitCode(3) }
    }
}
