import TerminalUI
import Testing

@Suite struct DisplayWidthTests {
    @Test func chineseTakesTwoColumnsEach() {
        #expect(DisplayWidth.columns(of: "孙建国") == 6)
        #expect(DisplayWidth.columns(of: "第 3 步 / 共 6 步") == 17)  // 4 wide + 9 narrow
        #expect(DisplayWidth.columns(of: "（离）") == 6)  // full-width parentheses
    }

    @Test func asciiTakesOneColumn() {
        #expect(DisplayWidth.columns(of: "F10 退出") == 8)
        #expect(DisplayWidth.columns(of: "[x] -> *") == 8)
    }

    @Test func combiningMarksTakeNone() {
        #expect(DisplayWidth.columns(of: "e\u{301}") == 1)
        #expect(DisplayWidth.columns(of: "\u{200B}") == 0)
    }

    @Test func middleDotInForeignNamesIsNarrow() {
        // 少数民族 and foreign names use U+00B7; terminals draw it one column wide.
        #expect(DisplayWidth.columns(of: "阿依古丽·买买提") == 15)
    }
}
