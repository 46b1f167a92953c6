import Testing
@testable import TerminalUI

@Suite struct TextFieldTests {
    func typed(_ text: String, into field: TextField = TextField()) -> TextField {
        var field = field
        for key in Key.typing(text) { _ = field.handle(key) }
        return field
    }

    @Test func theCaretIsPlacedByDisplayColumn() {
        var field = typed("北京市朝阳区12号")
        #expect(field.caretColumn == 16)
        _ = field.handle(.left)
        _ = field.handle(.left)
        #expect(field.caretColumn == 13)
        _ = field.handle(.home)
        #expect(field.caretColumn == 0)
        _ = field.handle(.end)
        #expect(field.caret == 9)
    }

    @Test func insertAndDeleteInTheMiddle() {
        var field = typed("孙国")
        _ = field.handle(.left)
        _ = field.handle(.character("建"))
        #expect(field.text == "孙建国")
        _ = field.handle(.backspace)
        #expect(field.text == "孙国")
        _ = field.handle(.home)
        _ = field.handle(.delete)
        #expect(field.text == "国")
    }

    @Test func masksAndMaximumLength() {
        #expect(typed("13a9-000", into: TextField(filter: .digits)).text == "139000")
        #expect(typed("11010519560909013x", into: TextField(filter: .identityNumber)).text == "11010519560909013X")
        #expect(typed("1234567", into: TextField(maxLength: 4)).text == "1234")
        #expect(typed("a b", into: TextField(filter: .ascii)).text == "ab")
    }

    @Test func pastedChineseTextScrollsAndTheCursorFollowsTheCaret() {
        var field = typed("北京市朝阳区和平街十二号院三号楼")
        var canvas = Canvas(width: 20, height: 1)
        field.draw(on: &canvas, row: 0, column: 0, width: 12, focused: true)
        // Scrolled no further than the caret needs; "<" says text is hidden on the left.
        #expect(canvas.grid.text == "<号院三号楼]")
        #expect(canvas.cursor == Point(row: 0, column: 11))
        _ = field.handle(.home)
        field.draw(on: &canvas, row: 0, column: 0, width: 12, focused: true)
        #expect(canvas.grid.text == "[北京市朝阳>")
        #expect(canvas.cursor == Point(row: 0, column: 1))
    }

    @Test func secretFieldsDrawAsterisks() {
        let field = typed("Demo@2026", into: TextField(isSecret: true))
        var canvas = Canvas(width: 20, height: 1)
        field.draw(on: &canvas, row: 0, column: 0, width: 14, focused: false)
        #expect(canvas.grid.text == "[*********   ]")
    }

    @Test func dateFieldInsertsHyphensAndChecksTheCalendar() {
        var date = DateField()
        for key in Key.typing("20150601") { _ = date.handle(key) }
        #expect(date.text == "2015-06-01" && date.isComplete)
        #expect(!DateField("2019-02-29").isComplete)
        #expect(DateField("2020-02-29").isComplete)
        _ = date.handle(.backspace)
        _ = date.handle(.backspace)
        #expect(date.text == "2015-06")
    }

    /// 民生一卡通's 实名认证 showed an 18-digit number as "[10105199205210487 ]": a field
    /// that holds its value exactly shows it whole, focused or not.
    @Test func aValueThatFillsTheFieldIsShownWhole() {
        for focused in [false, true] {
            let field = typed("110105199205210487")
            var canvas = Canvas(width: 20, height: 1)
            field.draw(on: &canvas, row: 0, column: 0, width: 20, focused: focused)
            #expect(canvas.grid.text == "[110105199205210487]", "focused: \(focused)")
        }
    }

    static let texts = ["110105199205210487", "北京市朝阳区望京街道望京西园三区312号楼1102", "Room 1102, 望京西园三区 312", "王"]

    /// At every width a screen uses, with CJK, Latin and mixed text: unfocused shows the
    /// beginning, the caret at either end is inside the field, and a bracket becomes "<" or
    /// ">" exactly when text lies past that edge.
    @Test(arguments: texts)
    func textPastAnEdgeIsMarkedAtEveryWidthWithTheCaretAtEitherEnd(text: String) {
        for width in 3...60 {
            let inner = width - 2
            let total = text.reduce(0) { $0 + DisplayWidth.columns(of: $1) }
            for (state, caretAtEnd) in [("unfocused", true), ("end", true), ("start", false)] {
                var field = typed(text)
                if !caretAtEnd { _ = field.handle(.home) }
                var canvas = Canvas(width: width, height: 1)
                field.draw(on: &canvas, row: 0, column: 0, width: width, focused: state != "unfocused")
                let drawn = canvas.grid.text
                let inside = String(drawn.dropFirst().dropLast())
                let shown = inside.filter { $0 != " " || text.contains(" ") }
                let context = "width \(width), \(state): \(drawn)"
                if state == "end" {
                    // The caret stands after the last character, inside or on the bracket.
                    #expect(text.hasSuffix(inside.trimmingCharacters(in: .whitespaces)), "\(context)")
                    #expect(drawn.first == (total > inner ? "<" : "["), "\(context)")
                    #expect(drawn.last == "]", "\(context)")
                    #expect(canvas.cursor?.column == min(total, inner) + 1 || total > inner, "\(context)")
                } else {
                    #expect(drawn.first == "[", "\(context)")
                    #expect(text.hasPrefix(inside.trimmingCharacters(in: .whitespaces)), "\(context)")
                    #expect(drawn.last == (total > inner ? ">" : "]"), "\(context)")
                    if total <= inner { #expect(shown.trimmingCharacters(in: .whitespaces) == text, "\(context)") }
                }
                if state == "start" { #expect(canvas.cursor == Point(row: 0, column: 1), "\(context)") }
            }
        }
    }
}

/// A problem describes what was typed; once the field changes it is gone, beside the
/// field and from the summary, while the other fields' problems stay.
@Suite struct FormProblemTests {
    @Test func changingAFieldClearsItsOldProblemOnly() {
        var form = Form([
            FormField(id: "name", label: "姓名", control: .text(TextField(""), width: 20)),
            FormField(id: "phone", label: "手机号码", control: .text(TextField("123"), width: 20)),
        ])
        form.show(problems: [("name", "请填写姓名"), ("phone", "应为 11 位手机号码")])
        #expect(form.summary == "! 有 2 处需要修改：姓名 请填写姓名；手机号码 应为 11 位手机号码")
        _ = form.handle(.character("张"))
        #expect(form.fields[0].problem == nil)
        #expect(form.fields[1].problem == "应为 11 位手机号码")
        #expect(form.summary == "! 有 1 处需要修改：手机号码 应为 11 位手机号码")
        // Moving on without changing anything leaves the other problem as it is.
        _ = form.handle(.tab)
        #expect(form.fields[1].problem == "应为 11 位手机号码")
        _ = form.handle(.backspace)
        #expect(form.fields[1].problem == nil && form.summary == nil)
    }

}
