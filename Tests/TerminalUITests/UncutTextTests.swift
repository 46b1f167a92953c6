import SnapshotSupport
@testable import TerminalUI
import Testing

/// No text is cut silently: a message that does not fit beside its field gets its own
/// lines, a long value wraps, and the top line gives way by dropping details.
struct UncutTextTests {
    private func drawn(_ form: inout Form, width: Int = 80, height: Int = 12) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        form.draw(on: &canvas, in: Rect(row: 0, column: 3, width: width - 5, height: height))
        return canvas
    }

    /// The screen's text with its rows joined, so a wrapped message reads whole.
    private func joined(_ canvas: Canvas) -> String {
        canvas.grid.text.split(separator: "\n").map { TextLayout.trimmed(String($0)) }.joined()
    }

    @Test func aLongProblemGetsItsOwnLinesAndIsWhole() {
        let message = "用户名或密码不正确，请重新输入；连续错误 5 次将锁定 15 分钟"
        var form = Form([FormField(id: "password", label: "密码", control: .text(TextField("", maxLength: 20), width: 24))])
        form.show(problems: [("password", message)])
        let canvas = drawn(&form)
        #expect(canvas.clipped.isEmpty, "\(canvas.clipped)")
        #expect(joined(canvas).contains("! " + message.replacingOccurrences(of: " ", with: "")) || joined(canvas).contains(message),
                "\(canvas.grid.text)")
        #expect(!canvas.grid.text.split(separator: "\n")[2].contains("!"), "the field's own row keeps only the field")
    }

    @Test func aShortProblemStaysBesideItsField() {
        var form = Form([FormField(id: "address", label: "地址", control: .text(TextField("", maxLength: 20), width: 24))])
        form.show(problems: [("address", "请填写地址")])
        let canvas = drawn(&form)
        #expect(canvas.grid.text.contains("]  ! 请填写地址"), "\(canvas.grid.text)")
    }

    @Test func aLongReadOnlyValueWraps() {
        let address = "北京市朝阳区劲松街道劲松八区802号楼4单元301室（东侧楼门，请电话联系）"
        var form = Form([FormField(id: "mail", label: "邮寄地址", control: .readOnly(address, note: "来自登记信息"))])
        let canvas = drawn(&form, width: 60)
        #expect(canvas.clipped.isEmpty, "\(canvas.clipped)")
        #expect(joined(canvas).contains(address.replacingOccurrences(of: " ", with: "")), "\(canvas.grid.text)")
        #expect(canvas.grid.text.contains("来自登记信息"))
    }

    @Test func theWholeSummaryShows() {
        var form = Form((1...6).map { FormField(id: "f\($0)", label: "第\($0)项", control: .text(TextField("", maxLength: 9), width: 12)) })
        form.show(problems: (1...6).map { ("f\($0)", "请填写第\($0)项的内容") })
        let canvas = drawn(&form, height: 20)
        #expect(joined(canvas).contains("第6项 请填写第6项的内容"), "\(canvas.grid.text)")
    }

    @Test func theTopLineDropsDetailsRatherThanCuttingTheName() {
        let line = StatusLine(place: "北京市第三代社会保障卡  网厅", shortPlace: "社保卡  网厅",
                              details: ["北京市朝阳区示范社区卫生服务中心 经办人", "长者版", "2026-11-21 14:05"])
        var canvas = Canvas(width: 80, height: 1)
        line.draw(on: &canvas)
        #expect(canvas.clipped.isEmpty, "\(canvas.clipped)")
        #expect(canvas.grid.text.contains("北京市朝阳区示范社区卫生服务中心 经办人"), "\(canvas.grid.text)")
        #expect(canvas.grid.text.contains("社保卡  网厅"))
    }

    @Test func theCanvasReportsWhatItCut() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.write("用户名或密码不正确", row: 0, column: 0)
        #expect(canvas.clipped == ["用户名或密码不正确"])
    }

    @Test func linesBreakByTheChineseRules() {
        // Never a closing mark at a line's start, never an opening one at its end.
        let lines = TextLayout.wrap("请输入本人的手机号码。请点击「下一步」继续办理", to: 20)
        #expect(LineBreakRules.violations(in: lines.joined(separator: "\n")).isEmpty, "\(lines)")
        #expect(TextLayout.wrap("一二三四五六七八九。", to: 18) == ["一二三四五六七八", "九。"])
        #expect(TextLayout.wrap("一二三四五六七「八九」", to: 16) == ["一二三四五六七", "「八九」"])
        // A number is never split, and a break after a comma is taken when the line is mostly full.
        #expect(TextLayout.wrap("办事编号为SB20261121000001", to: 20) == ["办事编号为", "SB20261121000001"])
        #expect(TextLayout.wrap("请核对后提交，卡预留手机号码将用于接收短信", to: 18).first == "请核对后提交，")
    }
}
