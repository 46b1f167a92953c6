import CardDomain
import CardStore
import TerminalUI

/// 导入人员信息 and 导入单位信息 (issue 27 §6): choose the CSV, see what a dry run found,
/// then 确认导入 with a progress bar, and at the end the summary and the report's path.
public struct ImportScreen: AppScreen, Equatable, Sendable {
    public enum Stage: Equatable, Sendable {
        case choosing
        case checking
        case checked
        case importing
        case finished(report: String?, stopped: Bool)
    }

    public enum Action: Equatable, Sendable { case choose, confirm, back }

    /// What the screen shows of a running or finished job.
    public struct Progress: Equatable, Sendable {
        public var file: String
        public var done: Int
        public var total: Int
        public var summary: RecordsImporter.Summary
        public var rowsPerSecond: Int
        public var secondsLeft: Int?
    }

    public let kind: ImportJob.Kind
    public let stage: Stage
    public private(set) var form: Form

    init(kind: ImportJob.Kind, stage: Stage = .choosing, progress: Progress? = nil, problem: String? = nil) {
        self.kind = kind
        self.stage = stage
        var fields: [FormField] = []
        func line(_ id: String, _ text: String, _ style: Style = .normal) { fields.append(FormField(id: id, control: .note(text, style: style))) }
        let columns = kind == .persons ? PersonColumn.allCases.map(\.rawValue) : UnitColumn.allCases.map(\.rawValue)
        switch stage {
        case .choosing:
            line("how", "选择 UTF-8 编码、第一行为表头的 CSV 文件。先检查每一行，确认后再导入；同一文件再次导入不会重复记录。"
                 + (kind == .persons ? "在职人员的单位须先导入。" : ""))
            line("columns", "可用的列：" + columns.joined(separator: "、"), .muted)
            if let problem { line("problem", "! " + problem, .error) }
            fields.append(FormField(id: "choose", control: .button("选择文件")))
        case .checking, .importing:
            if let progress { fields += Self.progressFields(progress, importing: stage == .importing) }
        case .checked:
            if let progress { fields += Self.summaryFields(progress, dryRun: true) }
            if progress.map({ $0.summary.recorded > 0 }) == true {
                fields.append(FormField(id: "confirm", control: .button("确认导入")))
            } else {
                line("nothing", "没有需要导入的行。", .muted)
            }
            fields.append(FormField(id: "choose", control: .button("重新选择文件")))
        case .finished(let report, let stopped):
            if let progress { fields += Self.summaryFields(progress, dryRun: false) }
            if let report { line("report", "有问题的行已写入 \(report)（仅本账号可读），请修改后重新导入这些行。", .muted) }
            if stopped { line("stopped", "已按要求停止：已导入的批次已保存，其余行没有导入。再次导入同一文件时，已导入的行不会重复。", .warning) }
        }
        if stage != .checking && stage != .importing { fields.append(FormField(id: "back", control: .button("返回首页"))) }
        form = Form(fields)
    }

    static func progressFields(_ progress: Progress, importing: Bool) -> [FormField] {
        let width = 40
        let filled = progress.total == 0 ? width : min(width, progress.done * width / max(1, progress.total))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
        let left = progress.secondsLeft.map { "，剩余约 \($0) 秒" } ?? ""
        return [
            FormField(id: "file", label: "文件", control: .readOnly(TerminalText.escaped(progress.file), note: "")),
            FormField(id: "bar", control: .note("\(importing ? "正在导入" : "正在检查")  \(bar)", style: .normal)),
            FormField(id: "rows", control: .note("已处理 \(progress.done) / \(progress.total) 行，每秒 \(progress.rowsPerSecond) 行\(left)", style: .normal)),
            FormField(id: "keys", control: .note(importing ? "按 Esc 可在两批之间停止（已导入的批次保留）。" : "按 Esc 取消检查。", style: .muted)),
        ]
    }

    static func summaryFields(_ progress: Progress, dryRun: Bool) -> [FormField] {
        let summary = progress.summary
        func row(_ label: String, _ value: String) -> FormField { FormField(id: label, label: label, control: .readOnly(value, note: "")) }
        var fields = [
            row("文件", TerminalText.escaped(progress.file)),
            row("行数", "\(summary.rows)"),
            row(dryRun ? "将导入" : "已导入", "\(summary.recorded)"),
            row("无变化", "\(summary.unchanged)"),
            row("有问题", "\(summary.rejectedRows)"),
        ]
        if let interruption = summary.interruption {
            let through = summary.lastRecordedLine.map { "第 \($0) 行及以前的行已导入" } ?? "没有任何行被导入"
            fields.append(FormField(id: "interrupted", control: .note("导入中断：\(through)，其后的行没有导入（\(interruption)）。"
                                                                      + "修复后可再次导入同一文件。", style: .error)))
        }
        if !summary.rejections.isEmpty {
            let first = summary.rejections.prefix(5).map { "第 \($0.line) 行 \(TerminalText.escaped($0.field))：\(TerminalText.escaped($0.reason))" }
            let more = summary.rejections.count > 5 ? "\n… 共 \(summary.rejections.count) 个问题" : ""
            fields.append(FormField(id: "rejections", label: "问题", control: .note(first.joined(separator: "\n") + more, style: .warning)))
        }
        return fields
    }

    public var title: String { kind == .persons ? "导入人员信息" : "导入单位信息" }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .pressed("choose"): return (event, .choose)
        case .pressed("confirm"): return (event, .confirm)
        case .pressed("back"): return (event, .back)
        default: return (event, nil)
        }
    }

    public var hints: [KeyHint] { [KeyHint("Tab", "下一项"), KeyHint("Enter", "确定"), KeyHint("Esc", "返回首页"), .help, .logout] }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
