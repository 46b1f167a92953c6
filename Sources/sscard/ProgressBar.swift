import Foundation

/// A progress bar on standard error, drawn only when it is a terminal and the job is big
/// enough to wait for; redirected output stays clean.
final class ProgressBar {
    static let minimumRows = 5000
    let total: Int
    let enabled: Bool
    let label: String
    private var lastPercent = -1

    init(total: Int, label: String = "导入") {
        self.total = total
        self.label = label
        enabled = total >= Self.minimumRows && isatty(STDERR_FILENO) == 1
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let percent = done * 100 / max(total, 1)
        guard percent != lastPercent else { return }
        lastPercent = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)%  \(done)/\(total)".utf8))
    }

    func finish() {
        guard enabled, lastPercent >= 0 else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
