import CursesBackend
import Foundation
import Testing

/// Without a UTF-8 locale ncursesw draws no Chinese at all, so the app takes C.UTF-8.
@Suite(.serialized) struct LocaleTests {
    @Test func aNonUTF8LocaleFallsBackToCUTF8() {
        setenv("LC_ALL", "C", 1)
        defer { unsetenv("LC_ALL") }
        #expect(CursesTerminal.useUTF8Locale() == .fellBack("C.UTF-8"))
    }

    @Test func aUTF8LocaleIsKept() {
        setenv("LC_ALL", "C.UTF-8", 1)
        defer { unsetenv("LC_ALL") }
        #expect(CursesTerminal.useUTF8Locale() == .userLocale)
    }
}
