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
        let terminal = CursesTerminal()
        let environment = ProcessInfo.processInfo.environment
        terminal.start(monochrome: !(environment["NO_COLOR"] ?? "").isEmpty)
        defer { terminal.stop() }
        while true {
            let size = terminal.size
            terminal.draw(model.render(width: size.columns, height: size.rows, now: SessionClock.nowMicroseconds()))
            if let signal = terminal.pendingSignal { return 128 + signal }
            let outcome: AppModel.Outcome
            if let key = terminal.readKey(timeoutMilliseconds: 500) {
                outcome = model.handle(key, now: SessionClock.nowMicroseconds())
            } else {
                outcome = model.tick(now: SessionClock.nowMicroseconds())
            }
            switch outcome {
            case .running: break
            case .redraw: terminal.invalidate()
            case .exit(let code): return code
            }
        }
    }
}
