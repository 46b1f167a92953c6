import CursesBackend
import Testing

@Suite struct CursesLibraryTests {
    @Test func linkedLibraryIsNcurses() {
        // Proves the system library target links: the string comes from libncursesw.
        #expect(CursesLibrary.version.hasPrefix("ncurses 6."))
    }
}
