import Foundation
import SnapshotSupport
import Testing

/// The real binary's QR symbol, as tmux shows it, scans back to the code on screen: in
/// colour, and in monochrome under TERM=vt100, where only reverse video is left.
@Suite(.serialized) struct ScanCodeEndToEndTests {
    let retiree = RetireeEndToEndTests()
    let codes = CodeLoginEndToEndTests()

    func scanned(term: String, override: String? = nil) throws -> (shown: String, decoded: [String], screen: String) {
        let directory = try SSCardProcess.temporaryDirectory()
        let seeded = try SSCardProcess.run(["demo", "seed", "--data-dir", directory + "/data"])
        #expect(seeded.status == 0, "\(seeded.error)")
        var environment = ["TERM": term]
        environment["SSCARD_QR"] = override
        let tmux = try TmuxSession(arguments: ["--data-dir", directory + "/data", "--channel", "web"], environment: environment,
                                   directory: directory)
        try tmux.waitFor("登录")
        try tmux.send("Down", "Tab", "Enter")
        let screen = try tmux.waitFor("一次有效")
        let shown = try #require(codes.code(on: screen), "\(screen)")
        let captured = try tmux.tmux(["capture-pane", "-p", "-e", "-N", "-t", "0"])
        return (shown.replacingOccurrences(of: "-", with: ""), try ScanDecoder.decode(PaneCells.parse(captured)), screen)
    }

    @Test func theColourSymbolScans() throws {
        let result = try scanned(term: "xterm-256color")
        #expect(result.decoded == ["SSCARD:" + result.shown], "\(result.screen)")
    }

    @Test func theMonochromeVT100SymbolScans() throws {
        let result = try scanned(term: "vt100")
        #expect(result.screen.contains("▀"), "tmux draws half-blocks one column wide, and said so: \(result.screen)")
        #expect(result.decoded == ["SSCARD:" + result.shown], "\(result.screen)")
    }

    @Test func theOverrideGivesTheTextAlone() throws {
        let result = try scanned(term: "xterm-256color", override: "text")
        #expect(!result.screen.contains("▀") && result.decoded.isEmpty, "\(result.screen)")
    }
}
