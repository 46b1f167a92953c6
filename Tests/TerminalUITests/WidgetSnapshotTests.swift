import SnapshotSupport
import Testing
@testable import TerminalUI

/// Each widget drawn at 80x24 and compared with its plain-text snapshot.
@Suite struct WidgetSnapshotTests {
    static let ethnicGroups = ["汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族"]
        .enumerated().map { ChoiceOption(id: ($0 + 1).zeroPadded, label: $1) }

    @Test func formWithErrorsShowsASummaryAndEachProblemBesideItsField() {
        var form = Form([
            FormField(id: "name", label: "姓名", control: .readOnly("孙建国", note: "来自登记信息，不可修改")),
            FormField(id: "district", label: "常住地所在区", isRequired: true,
                      control: .select(SelectList([ChoiceOption(id: "110105", label: "朝阳区")]), chosen: nil, width: 20)),
            FormField(id: "mobile", label: "卡预留手机号", isRequired: true,
                      control: .text(TextField("1390003000", filter: .digits), width: 20)),
            FormField(id: "start", label: "证件有效期限开始日期", control: .date(DateField("2015-06-01"))),
            FormField(id: "consent", control: .checkbox(Checkbox("我已阅读并同意", isChecked: true))),
        ])
        form.show(problems: [("district", "请选择常住地所在区"), ("mobile", "应为 11 位手机号码")])
        #expect(form.focusedField?.id == "district")
        var canvas = Canvas(width: 80, height: 24)
        StepHeader(titles: ["声明", "照片", "补录信息", "领卡方式", "确认", "完成"], current: 2).draw(on: &canvas, row: 0)
        form.draw(on: &canvas, in: Rect(row: 3, column: 1, width: 78, height: 18))
        FunctionKeyBar(hints: [.next, KeyHint("Enter", "下一步"), KeyHint("Esc", "上一步"), .help, .quit], note: "草稿已保存 14:06")
            .draw(on: &canvas, row: 23)
        Snapshot.assertMatches(canvas.grid.text, named: "form-with-errors")
    }

    @Test func selectListFiltersAsYouType() {
        var list = SelectList(Self.ethnicGroups)
        for key in Key.typing("族") { _ = list.handle(key) }
        #expect(list.visible.count == 12)
        _ = list.handle(.backspace)
        _ = list.handle(.character("古"))
        #expect(list.visible.map(\.label) == ["蒙古族"])
        #expect(list.handle(.enter) == .activated)
        _ = list.handle(.backspace)
        _ = list.handle(.character("回"))
        _ = list.handle(.backspace)
        _ = list.handle(.down)
        var canvas = Canvas(width: 80, height: 24)
        list.draw(on: &canvas, in: Rect(row: 0, column: 0, width: 40, height: 8))
        Snapshot.assertMatches(canvas.grid.text, named: "select-list")
    }

    @Test func tableSelectsRowsAllAndPages() {
        let rows = (1...25).map { ["职工\($0)", "110105********\(1000 + $0)", "信息已确认"] }
        var table = Table(columns: [TableColumn("姓名", width: 8), TableColumn("证件号码", width: 20), TableColumn("办卡状态", width: 10)],
                          rows: rows, pageSize: 10)
        _ = table.handle(.character(" "))
        _ = table.handle(.down)
        _ = table.handle(.character(" "))
        #expect(table.selection == [0, 1])
        _ = table.handle(.character("a"))
        #expect(table.selection.count == 25)
        _ = table.handle(.character("a"))
        #expect(table.selection.isEmpty)
        _ = table.handle(.pageDown)
        #expect(table.page == 1 && table.cursor == 10)
        _ = table.handle(.character(" "))
        var canvas = Canvas(width: 80, height: 24)
        table.unit = "人"
        table.draw(on: &canvas, in: Rect(row: 0, column: 1, width: 78, height: 13), focused: true)
        Snapshot.assertMatches(canvas.grid.text, named: "table-page-2")
    }

    @Test func modalDialogMovesBetweenButtons() {
        var dialog = ModalDialog(title: "二次确认", message: "是否确认提交个人申领", buttons: ["确定", "取消"])
        #expect(dialog.handle(.right) == .handled && dialog.selected == 1)
        #expect(dialog.handle(.tab) == .handled && dialog.selected == 0)
        #expect(dialog.handle(.escape) == .cancelled)
        var canvas = Canvas(width: 80, height: 24)
        dialog.draw(on: &canvas)
        Snapshot.assertMatches(canvas.grid.text, named: "modal-dialog")
        #expect(dialog.handle(.enter) == .activated)
    }

    @Test func scrollTextPagesToTheEnd() {
        let text = (1...30).map { "第 \($0) 条：申请人应如实填写本人信息，所提交的照片须为本人近期免冠证件照。" }.joined(separator: "\n")
        var scroll = ScrollText(text)
        var canvas = Canvas(width: 80, height: 24)
        scroll.draw(on: &canvas, in: Rect(row: 0, column: 1, width: 60, height: 12))
        #expect(!scroll.isAtEnd)
        _ = scroll.handle(.pageDown)
        _ = scroll.handle(.end)
        canvas = Canvas(width: 80, height: 24)
        scroll.draw(on: &canvas, in: Rect(row: 0, column: 1, width: 60, height: 12))
        #expect(scroll.isAtEnd)
        Snapshot.assertMatches(canvas.grid.text, named: "scroll-text-end")
    }

    @Test func helpOverlayListsTheKeys() {
        var canvas = Canvas(width: 80, height: 24)
        HelpOverlay(title: "登录", about: "选择登录身份和登录方式，按 Enter 继续。", hints: HelpOverlay.commonHints).draw(on: &canvas)
        Snapshot.assertMatches(canvas.grid.text, named: "help-overlay")
    }

    @Test func radioGroupMovesAndLeavesTheEdgesToTheForm() {
        var radio = RadioGroup([ChoiceOption(id: "person", label: "个人登录"), ChoiceOption(id: "unit", label: "法人登录")])
        #expect(radio.handle(.up) == .ignored)
        #expect(radio.handle(.down) == .handled && radio.selectedOption?.id == "unit")
        #expect(radio.handle(.down) == .ignored)
        #expect(radio.handle(.character("1")) == .handled && radio.selected == 0)
    }
}

extension Int {
    var zeroPadded: String { self < 10 ? "0\(self)" : "\(self)" }
}

/// The way out is always on the bottom line: the note gives way first, then other hints.
@Suite struct FunctionKeyBarTests {
    @Test func f10StaysWhenTheKeysDoNotFitWithTheNote() {
        let hints = [KeyHint("Tab", "下一项"), KeyHint("Enter", "打开/查找"), KeyHint("Esc", "返回首页"), KeyHint("F1", "帮助"),
                     KeyHint("F10", "退出登录")]
        var canvas = Canvas(width: 80, height: 1)
        FunctionKeyBar(hints: hints, note: "终端 B01  窗口").draw(on: &canvas, row: 0)
        #expect(canvas.grid.text.contains("F10 退出登录"))
        #expect(canvas.grid.text.contains("终端 B01  窗口"), "F1 gives way to the note")
        #expect(!canvas.grid.text.contains("F1 帮助"))
        var narrow = Canvas(width: 40, height: 1)
        FunctionKeyBar(hints: hints, note: "终端 B01 窗口 很长的说明").draw(on: &narrow, row: 0)
        #expect(narrow.grid.text.contains("F10 退出登录"))
        #expect(narrow.grid.text.contains("Tab 下一项"))
    }
}
