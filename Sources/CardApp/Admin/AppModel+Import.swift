import CardDomain
import CardStore
import Foundation
import TerminalUI

/// Imports on screen (issue 27 §6): the file picker, a dry run that checks every row, then
/// the import itself a few batches per tick, so the screen keeps drawing and Esc is heard
/// between batches. The rejected rows go to a 0600 report under the data directory.
extension AppModel {
    /// How long one tick may import before the screen is drawn again.
    static let importSlice: Duration = .milliseconds(60)

    mutating func handleImport(_ key: Key, _ screen: ImportScreen, now: Int64) {
        var screen = screen
        if key == .escape {
            if importRun != nil {
                let checking = importRun?.job.dryRun == true
                overlay = .confirmStopImport(checking
                    ? ModalDialog(title: "取消检查？", message: "没有导入任何行，可以重新选择文件。", buttons: ["取消检查", "继续检查"])
                    : ModalDialog(title: "停止导入？", message: "当前这一批完成后停止。已导入的批次保留，其余行不导入。",
                                  buttons: ["停止", "继续导入"]))
                return
            }
            return goHome()
        }
        let (_, action) = screen.handle(key)
        page = .importer(screen)
        switch action {
        case .choose?:
            overlay = .importPicker(FilePicker(title: screen.title, requirement: "选择 UTF-8 编码的 CSV 文件", directory: photoDirectory,
                                               listing: CSVDirectoryListing(), wanted: "CSV 文件"))
        case .confirm?:
            guard let dry = lastImport, dry.dryRun else { return }
            importRun = ImportRun(job: dry.forReal(), startedAt: now)
            page = .importer(ImportScreen(kind: screen.kind, stage: .importing, progress: progress(now: now)))
        case .back?: goHome()
        case nil: break
        }
    }

    mutating func handleImportPicker(_ picker: FilePicker, _ key: Key, now: Int64) {
        var picker = picker
        let response = picker.handle(key)
        overlay = .importPicker(picker)
        switch response {
        case .cancelled: overlay = nil
        case .activated:
            guard let path = picker.chosenPath, case .importer(let screen) = page else { return }
            overlay = nil
            photoDirectory = (path as NSString).deletingLastPathComponent
            startImportCheck(path, kind: screen.kind, now: now)
        default: break
        }
    }

    /// Checks the whole file first: a dry run, shown as it goes.
    mutating func startImportCheck(_ path: String, kind: ImportJob.Kind, now: Int64) {
        let actor = session?.actor ?? .system("import")
        do {
            let job = try ImportJob(path: path, kind: kind, repository: environment.repository, actor: actor,
                                    context: environment.context(now: now), dryRun: true)
            importRun = ImportRun(job: job, startedAt: now)
            page = .importer(ImportScreen(kind: kind, stage: .checking, progress: progress(now: now)))
        } catch {
            page = .importer(ImportScreen(kind: kind, problem: error.message))
        }
    }

    /// Some batches, then the page as they left it; at the end the summary.
    mutating func advanceImport(now: Int64) {
        guard var run = importRun, case .importer(let screen) = page else { return }
        // A stop asked for since the last batch is honoured before the next one starts.
        if !run.stopRequested { run.job.step(until: .now + Self.importSlice) }
        importRun = run
        guard run.job.isFinished || run.stopRequested else {
            page = .importer(ImportScreen(kind: screen.kind, stage: screen.stage, progress: progress(now: now)))
            return
        }
        finishImport(screen.kind, stopped: !run.job.isFinished, now: now)
    }

    /// 停止导入？: the first button stops after the batch under way; the other, or Esc, goes on.
    mutating func handleStopImport(_ dialog: ModalDialog, _ key: Key) {
        var dialog = dialog
        let response = dialog.handle(key)
        overlay = .confirmStopImport(dialog)
        if response == .cancelled || (response == .activated && dialog.selected != 0) { overlay = nil }
        if response == .activated && dialog.selected == 0 {
            overlay = nil
            importRun?.stopRequested = true
        }
    }

    /// Work is under way between keys: the terminal should not wait long for one.
    public var hasBackgroundWork: Bool { importRun != nil }

    private mutating func finishImport(_ kind: ImportJob.Kind, stopped: Bool, now: Int64) {
        guard let run = importRun else { return }
        let shown = progress(now: now)
        importRun = nil
        lastImport = run.job
        if run.job.dryRun {
            page = .importer(ImportScreen(kind: kind, stage: stopped ? .choosing : .checked, progress: shown))
            return
        }
        if run.job.summary.recorded > 0 { try? environment.repository.saveSnapshot() }
        var report: String?
        if !run.job.summary.rejections.isEmpty {
            report = try? ImportReport.write(run.job.summary.rejections, kind: kind, under: environment.repository.data, at: now)
        }
        page = .importer(ImportScreen(kind: kind, stage: .finished(report: report, stopped: stopped), progress: shown))
    }

    private func progress(now: Int64) -> ImportScreen.Progress? {
        guard let job = importRun?.job ?? lastImport else { return nil }
        let seconds = max(0.001, Double(now - (importRun?.startedAt ?? now)) / 1_000_000)
        let rate = Int(Double(job.done) / seconds)
        let left = rate > 0 && job.done > 0 ? (job.total - job.done + rate - 1) / rate : nil
        return ImportScreen.Progress(file: job.path, done: job.done, total: job.total, summary: job.summary,
                                     rowsPerSecond: rate, secondsLeft: left)
    }
}

private extension Error {
    var message: String { (self as? ImportJob.Problem)?.message ?? "\(self)" }
}
