import Testing
@testable import CursesBackend

/// The cursor report the terminal sends back to the width probe.
@Suite struct TerminalProbeTests {
    @Test func readsTheColumnOfTheLastReport() {
        #expect(TerminalProbe.column(in: Array("\u{1B}[12;2R".utf8)) == 2)
        #expect(TerminalProbe.column(in: Array("ab\u{1B}[1;3R".utf8)) == 3)
        #expect(TerminalProbe.column(in: Array("\u{1B}[1;xR".utf8)) == nil)
        #expect(TerminalProbe.column(in: Array("\u{1B}[5R".utf8)) == nil)
        #expect(TerminalProbe.column(in: []) == nil)
    }

    /// Without a terminal (the test runner's pipes) the probe says it does not know, at once.
    @Test func withoutATerminalThereIsNoAnswer() {
        #expect(TerminalProbe.ambiguousWidth(timeoutMilliseconds: 50) == nil)
    }
}
