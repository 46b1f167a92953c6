import Testing
@testable import TerminalUI

/// Lists and tables with more rows than fit: the focused row is always drawn. (A look-up
/// with 20 results once showed only "(上面还有)", and Down Down Enter opened a person the
/// clerk never saw.)
@Suite struct ListPagingTests {
    static let people = (1...25).map { ChoiceOption(id: "id\($0)", label: "王\($0)号", detail: "退休") }

    func draw(_ form: inout Form, height: Int) -> [String] {
        var canvas = Canvas(width: 80, height: height)
        form.draw(on: &canvas, in: Rect(row: 0, column: 0, width: 80, height: height))
        return canvas.grid.text.components(separatedBy: "\n")
    }

    @Test func aResultListTallerThanTheScreenShowsTheFocusedRowOnEveryPage() {
        var form = Form([
            FormField(id: "query", label: "证件号码或姓名", control: .text(TextField("王"), width: 24)),
            FormField(id: "results", label: "查询结果", control: .radio(RadioGroup(Self.people, asMenu: true))),
        ])
        form.focus(on: "results")
        for step in 0..<25 {
            let lines = draw(&form, height: 14)
            let marked = lines.filter { $0.contains("> 王") }
            #expect(marked.count == 1, "step \(step): \(lines.joined(separator: "\n"))")
            #expect(marked.first?.contains("王\(step + 1)号") == true)
            #expect(lines.contains { $0.contains("共 25 项") })
            _ = form.handle(.down)
        }
        #expect(form.value("results") == "id25")
    }

    @Test func pageDownMovesTenAndTheListFollows() {
        var form = Form([FormField(id: "results", label: "查询结果", control: .radio(RadioGroup(Self.people, asMenu: true)))])
        _ = form.handle(.pageDown)
        _ = form.handle(.pageDown)
        #expect(form.value("results") == "id21")
        #expect(draw(&form, height: 10).contains { $0.contains("> 王21号") })
    }

    @Test func aTableTallerThanItsRectKeepsTheCursorRowInView() {
        var table = Table(columns: [TableColumn("姓名", width: 10)], rows: (1...30).map { ["张\($0)"] },
                          pageSize: 10, isSelectable: false)
        for _ in 0..<13 { _ = table.handle(.down) }
        var canvas = Canvas(width: 60, height: 8)
        table.draw(on: &canvas, in: Rect(row: 0, column: 0, width: 60, height: 8), focused: true)
        let lines = canvas.grid.text.components(separatedBy: "\n")
        #expect(lines.contains { $0.hasPrefix(">") && $0.contains("张14") }, "\(lines.joined(separator: "\n"))")
    }

    @Test func aNoteTallerThanTheFormNeverDrawsBelowIt() {
        var form = Form([FormField(id: "long", control: .note((1...30).map { "第\($0)行" }.joined(separator: "\n"), style: .normal))])
        var canvas = Canvas(width: 40, height: 12)
        form.draw(on: &canvas, in: Rect(row: 0, column: 0, width: 40, height: 8))
        let lines = canvas.grid.text.components(separatedBy: "\n")
        #expect(lines[7].contains("第8行"))
        #expect(lines[8...].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })
    }
}
