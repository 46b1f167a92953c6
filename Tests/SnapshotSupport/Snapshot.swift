import Foundation
import Testing

/// Plain-text screen snapshots in `Snapshots/<name>.txt` beside the test file. Set
/// SSCARD_RECORD_SNAPSHOTS=1 to write them anew; otherwise a difference fails the test
/// and shows both texts. Snapshots never hold escape codes: they are the grid's text.
public enum Snapshot {
    /// `allowing` exempts ambiguous-width characters that the screen draws only once the
    /// terminal has said it draws them one column wide (a QR symbol's half-blocks).
    public static func assertMatches(_ text: String, named name: String, allowing: String = "", file: StaticString = #filePath,
                                     sourceLocation: SourceLocation = #_sourceLocation) {
        let directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
        let url = directory.appendingPathComponent(name + ".txt")
        #expect(!text.contains("\u{1B}"), "a snapshot must not hold escape codes", sourceLocation: sourceLocation)
        let ambiguous = AmbiguousWidth.characters(in: text).filter { !allowing.contains($0) }
        #expect(ambiguous.isEmpty, "ambiguous-width characters \(ambiguous) in \(name): use 「」 or ASCII",
                sourceLocation: sourceLocation)
        let badBreaks = LineBreakRules.violations(in: text)
        #expect(badBreaks.isEmpty, "lines broken against the rules in \(name): \(badBreaks)", sourceLocation: sourceLocation)
        let recording = ProcessInfo.processInfo.environment["SSCARD_RECORD_SNAPSHOTS"] == "1"
        guard !recording, let stored = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            if !recording { Issue.record("recorded a new snapshot \(name).txt; run the tests again", sourceLocation: sourceLocation) }
            return
        }
        #expect(stored == text + "\n", "snapshot \(name).txt differs:\n\(text)", sourceLocation: sourceLocation)
    }
}
