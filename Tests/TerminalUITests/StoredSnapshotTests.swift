import Foundation
import SnapshotSupport
import Testing

/// Every stored screen snapshot, of every test target: no ambiguous-width character
/// (“ ” · … arrows, box drawing), which a CJK terminal draws two columns wide.
@Suite struct StoredSnapshotTests {
    @Test func noStoredSnapshotHoldsAnAmbiguousWidthCharacter() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        var checked = 0
        for target in try FileManager.default.contentsOfDirectory(atPath: tests.path) {
            let folder = tests.appendingPathComponent(target).appendingPathComponent("Snapshots")
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names where name.hasSuffix(".txt") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                // A login code's QR symbol is drawn in half-blocks only where the terminal said
                // they are one column wide; those screens may hold them, and nothing else.
                let allowed: String = Self.showsScanCode(name) ? "▀▄█" : ""
                #expect(AmbiguousWidth.characters(in: text).filter { !allowed.contains($0) }.isEmpty, "\(target)/\(name)")
                checked += 1
            }
        }
        #expect(checked > 80)
    }

    /// The snapshots of pages that show a one-time code's QR symbol.
    static func showsScanCode(_ name: String) -> Bool {
        name.contains("login-code") || name.hasPrefix("real-name-face")
    }
}
