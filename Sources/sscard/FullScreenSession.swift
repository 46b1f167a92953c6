import CardApp
import CursesBackend
import Foundation
import TerminalUI

/// Runs the app model on the real terminal: draw, wait for a key (or half a second, for
/// the clock and the kiosk's idle timer), hand it to the model. The terminal is restored
/// on every way out: a normal exit, a thrown error, and SIGTERM or SIGHUP.
struct FullScreenSession {
    var model: AppModel

    mutating func run() -> Int32 {
        if case .unavailable(let codeset) = CursesTerminal.useUTF8Locale() {
            var standardError = StandardError()
            print("""
                sscard: the terminal's character set is \(codeset), not UTF-8, and no UTF-8 locale (C.UTF-8, \
                en_US.UTF-8) is installed, so Chinese text cannot be shown. Install one (Debian: locales) \
                or set LANG=C.UTF-8, then start again. 终端字符集不是 UTF-8，无法显示中文。
                """, to: &standardError)
            return 1
        }
        let terminal = CursesTerminal()
        let environment = ProcessInfo.processInfo.environment
        terminal.start(monochrome: !(environment["NO_COLOR"] ?? "").isEmpty)
        defer { terminal.stop() }
        while true {
            let size = terminal.size
            terminal.draw(model.render(width: size.columns, height: size.rows, now: SessionClock.nowMicroseconds()))
            if let signal = terminal.pendingSignal { return 128 + signal }
            let outcome: AppModel.Outcome
            // While an import runs, a key is looked for between its slices, not waited for.
            if let key = terminal.readKey(timeoutMilliseconds: model.hasBackgroundWork ? 5 : 100) {
                outcome = model.handle(key, now: SessionClock.nowMicroseconds())
            } else {
                outcome = model.tick(now: SessionClock.nowMicroseconds())
            }
            if model.indexNeedsRepair { repairIndex(on: terminal) }
            switch outcome {
            case .running: break
            case .redraw: terminal.invalidate()
            case .exit(let code): return code
            }
        }
    }

    /// Shows the repair screen, redrawn as the rebuild moves on, then the session's page.
    private mutating func repairIndex(on terminal: CursesTerminal) {
        let size = terminal.size
        let model = self.model
        terminal.draw(model.renderIndexRepair(width: size.columns, height: size.rows, reached: 0, last: 1))
        self.model.repairIndex { reached, last in
            terminal.draw(model.renderIndexRepair(width: size.columns, height: size.rows, reached: reached, last: last))
        }
        terminal.invalidate()
    }
}
