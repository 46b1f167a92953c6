import CardApp
import CardDomain
import TerminalUI

/// The back office's queue over what the unit bench submitted: each line is one screen
/// built as the app builds it on a key (a status chosen, a search), or a key on it.
struct BackOfficeQueueTimings {
    let state: CardState

    var report: String {
        var lines: [String] = []
        func time(_ name: String, _ body: () -> Void) {
            let start = LatencyRecorder.now()
            body()
            lines.append(TextLayout.pad(name, to: 36) + String(format: "%9.2f ms", Double(LatencyRecorder.now() - start) / 1e6))
        }
        let submitted = state.applicationCount(in: .submitted)
        var queue = QueueScreen(status: .submitted, state: state)
        time("back office: open 已提交 (\(submitted))") { queue = QueueScreen(status: .submitted, state: state) }
        for _ in 0..<3 { time("back office: page down") { _ = queue.handle(.pageDown) } }
        time("back office: filter 制卡中") { _ = QueueScreen(status: .inProduction, state: state) }
        time("back office: filter 已提交 again") { _ = QueueScreen(status: .submitted, state: state) }
        let name = state.applications(in: .submitted, limit: 1).first.flatMap { state.person($0.personNumber)?.name } ?? "孙"
        time("back office: search a name") { _ = QueueScreen(status: .submitted, state: state, query: name) }
        return lines.joined(separator: "\n")
    }
}
