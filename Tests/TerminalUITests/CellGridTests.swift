import Testing
@testable import TerminalUI

@Suite struct CellGridTests {
    @Test func wideCharactersTakeTwoColumnsAndReadBackOnce() {
        var canvas = Canvas(width: 10, height: 1)
        let written = canvas.write("孙建国ab", row: 0, column: 0)
        #expect(written == 8)
        #expect(canvas.grid[0, 1].isContinuation)
        #expect(canvas.grid.text == "孙建国ab")
    }

    @Test func aWideCharacterIsNeverSplitAtTheRightEdge() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.write("abcd孙", row: 0, column: 0)
        #expect(canvas.grid.text == "abcd")
        #expect(canvas.grid[0, 4].character == " ")
        #expect(!canvas.grid[0, 4].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.write("孙建国", row: 0, column: 0)
        canvas.write("x", row: 0, column: 1)
        #expect(canvas.grid.text == " x建国")
        canvas.write("y", row: 0, column: 2)
        #expect(canvas.grid.text == " xy 国")
    }

    @Test func changesListOnlyTheRunsThatDiffer() {
        var before = Canvas(width: 20, height: 3)
        before.write("北京市第三代社保卡", row: 1, column: 0)
        var after = before
        after.write("X", row: 2, column: 19)
        after.write("孙", row: 0, column: 4)
        let runs = after.grid.changes(since: before.grid)
        #expect(runs.map(\.row) == [0, 2])
        #expect(runs[0].column == 4 && runs[0].cells.count == 2)
        #expect(runs[1].column == 19 && runs[1].cells.count == 1)
        #expect(after.grid.changes(since: after.grid).isEmpty)
    }

    @Test func aChangeOnTheRightHalfStartsTheRunAtTheLeftHalf() {
        var before = Canvas(width: 10, height: 1)
        before.write("ab", row: 0, column: 0)
        var after = Canvas(width: 10, height: 1)
        after.write("a孙", row: 0, column: 0)
        var changed = after
        changed.write("a国", row: 0, column: 0)
        let runs = changed.grid.changes(since: after.grid)
        #expect(runs.count == 1 && runs[0].column == 1 && runs[0].cells.count == 2)
    }

    @Test func aDifferentSizeSendsEverything() {
        let small = CellGrid(width: 4, height: 2)
        let large = CellGrid(width: 5, height: 2)
        #expect(large.changes(since: small).count == 2)
        #expect(large.changes(since: nil).map(\.cells.count) == [5, 5])
    }

    @Test func wrappingCountsColumnsAndKeepsWordsWhole() {
        #expect(TextLayout.wrap("本人申领社会保障卡", to: 8) == ["本人申领", "社会保障", "卡"])
        #expect(TextLayout.wrap("press any key now", to: 9) == ["press any", "key now"])
        #expect(TextLayout.pad("孙建国", to: 8) == "孙建国  ")
        #expect(TextLayout.truncate("孙建国", to: 5) == "孙建")
    }

    /// Controls, C1 included, take no cell: U+009B would be CSI on some terminals.
    @Test func controlCharactersAreNeverDrawn() {
        #expect(DisplayWidth.columns(of: "a\u{9B}b\u{1B}c\u{7F}d") == 4)
        var canvas = Canvas(width: 10, height: 1)
        canvas.write("a\u{9B}[2Jb", row: 0, column: 0)
        #expect(canvas.grid.text == "a[2Jb")
    }
}
