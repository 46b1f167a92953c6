import ArgumentParser
import Foundation
import TerminalUI

/// `sscard-bench render`: draws a full 80x24 form frame (status line, step header, error
/// summary, eight fields with Chinese labels, key bar) into a fresh grid and diffs it with
/// the previous frame, as every keystroke does. Issue 4's target: under 200 µs.
struct RenderBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Measure a full-frame render plus diff of an 80x24 form (target < 200 µs).")

    @Option(help: "Frames to render.")
    var frames: Int = 20_000

    func run() throws {
        var form = Self.form()
        var previous: CellGrid? = nil
        var latency = LatencyRecorder()
        latency.reserve(frames)
        var runs = 0
        let typed = Key.typing("北京市朝阳区和平街12号院3号楼2单元501")
        let start = LatencyRecorder.now()
        for frame in 0..<frames {
            _ = form.handle(typed[frame % typed.count])
            if frame % typed.count == typed.count - 1 { _ = form.handle(.control("u")) }
            let began = LatencyRecorder.now()
            var canvas = Canvas(width: 80, height: 24)
            StatusLine(place: "北京市第三代社会保障卡  本人申请", details: ["孙建国", "2026-11-21 14:07"]).draw(on: &canvas)
            canvas.rule(row: 1)
            StepHeader(titles: ["声明", "照片", "补录信息", "领卡方式", "确认", "完成"], current: 2).draw(on: &canvas, row: 2)
            form.draw(on: &canvas, in: Rect(row: 5, column: 1, width: 78, height: 16))
            canvas.rule(row: 22)
            FunctionKeyBar(hints: [.next, KeyHint("Enter", "下一步"), KeyHint("Esc", "上一步"), .help, .quit], note: "草稿已保存 14:06")
                .draw(on: &canvas, row: 23)
            runs += canvas.grid.changes(since: previous).count
            previous = canvas.grid
            latency.record(since: began)
        }
        let total = Double(LatencyRecorder.now() - start) / 1e9
        print(latency.summary(workload: "render", events: frames, seconds: total)
              + ", mean \(String(format: "%.1f", total * 1e6 / Double(frames))) us, \(runs / max(1, frames)) changed runs per frame")
    }

    static func form() -> Form {
        let districts = SelectList(["东城区", "西城区", "朝阳区", "丰台区", "海淀区"].enumerated().map { ChoiceOption(id: "\($0)", label: $1) })
        var form = Form([
            FormField(id: "name", label: "姓名", control: .readOnly("孙建国", note: "来自登记信息，不可修改")),
            FormField(id: "number", label: "证件号码", control: .readOnly("110105********0137", note: "")),
            FormField(id: "occupation", label: "职业", control: .text(TextField("离退休人员"), width: 20)),
            FormField(id: "district", label: "常住地所在区", isRequired: true, control: .select(districts, chosen: nil, width: 20)),
            FormField(id: "address", label: "常住地址", isRequired: true, control: .text(TextField(""), width: 46)),
            FormField(id: "mobile", label: "卡预留手机号", isRequired: true, control: .text(TextField("1390003000", filter: .digits), width: 20)),
            FormField(id: "bank", label: "发卡行名称", control: .readOnly("中国工商银行", note: "与养老金代发行一致，不可修改")),
            FormField(id: "branch", label: "办卡网点", control: .readOnly("中国工商银行北京朝阳支行", note: "")),
        ])
        form.show(problems: [("district", "请选择常住地所在区"), ("mobile", "应为 11 位手机号码")])
        form.focus(on: "address")
        return form
    }
}
