import CardDomain
import SnapshotSupport
import Testing
import TerminalUI
@testable import CardApp

/// The login code's QR symbol must scan: the screen's cells are drawn as an image and read
/// by zbarimg, for each way the symbol is drawn, and the page still fits 80x24.
@Suite struct ScanCodeTests {
    /// The canvas as a colour terminal shows it: the scan-code tone black on white, the
    /// rest light on a dark ground; reverse video swaps ink and ground.
    static func cells(_ canvas: Canvas) -> [[ScanDecoder.Cell]] {
        (0..<canvas.height).map { row in
            (0..<canvas.width).map { column in
                let cell = canvas.grid[row, column]
                return ScanDecoder.Cell(cell.character, darkInk: (cell.style.tone == .scanCode) != cell.style.reverse)
            }
        }
    }

    static func scanScreen(_ drawing: ScanCodeDrawing, channel: Channel = .web) throws -> (AppFixture, AppModel) {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: channel, scanCode: drawing)
        model.type(channel == .jingtong ? [.character(" "), .tab, .enter] : [.down, .tab, .enter])
        return (fixture, model)
    }

    @Test func theSymbolHoldsTheCodeInVersionOne() throws {
        let symbol = try #require(QRMatrix(encoding: CodeLoginScreen.scanText("ACDEFHJK")))
        #expect(symbol.version == 1 && symbol.size == 21)
    }

    @Test func halfBlocksFitBesideTheTextAt80x24AndScan() throws {
        var (_, model) = try Self.scanScreen(.halfBlocks)
        let canvas = model.render(width: 80, height: 24, now: AppFixture.start)
        #expect(canvas.clipped.isEmpty, "\(canvas.clipped)")
        let text = canvas.grid.text
        #expect(text.contains("▀") && text.contains("ACDE-FHJK"))
        #expect(try ScanDecoder.decode(Self.cells(canvas)) == ["SSCARD:ACDEFHJK"])
    }

    @Test func theElderLayoutStillFitsTheSymbol() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .minsheng, elder: true)
        model.type([.enter])
        let canvas = model.render(width: 80, height: 24, now: AppFixture.start)
        #expect(canvas.grid.text.contains("▀"))
        #expect(try ScanDecoder.decode(Self.cells(canvas)) == ["SSCARD:ACDEFHJK"])
    }

    /// Where half-blocks would be drawn two columns wide, reverse-video spaces take a line
    /// per module row: at 80x24 that does not fit, so the text code stands alone.
    @Test func reverseVideoNeedsRoomOtherwiseTheTextAloneIsShown() throws {
        var (_, model) = try Self.scanScreen(.reverseVideo)
        let small = model.render(width: 80, height: 24, now: AppFixture.start)
        #expect(try ScanDecoder.decode(Self.cells(small)).isEmpty)
        #expect(small.grid.text.contains("ACDE-FHJK"))
        let large = model.render(width: 100, height: 36, now: AppFixture.start)
        #expect(!large.grid.text.contains("▀"), "reverse video draws spaces only")
        #expect(try ScanDecoder.decode(Self.cells(large)) == ["SSCARD:ACDEFHJK"])
    }

    @Test func textOnlyNeverDrawsTheSymbol() throws {
        var (_, model) = try Self.scanScreen(.textOnly)
        let canvas = model.render(width: 120, height: 50, now: AppFixture.start)
        #expect(try ScanDecoder.decode(Self.cells(canvas)).isEmpty)
        #expect(canvas.grid.text.contains("ACDE-FHJK"))
    }

    @Test func theOverrideAndTheProbeChooseTheDrawing() {
        #expect(ScanCodeDrawing.chosen(override: "TEXT", probedWidth: { 1 }) == .textOnly)
        #expect(ScanCodeDrawing.chosen(override: nil, probedWidth: { 1 }) == .halfBlocks)
        #expect(ScanCodeDrawing.chosen(override: nil, probedWidth: { 2 }) == .reverseVideo)
        #expect(ScanCodeDrawing.chosen(override: nil, probedWidth: { nil }) == .reverseVideo)
        #expect(ScanCodeDrawing.chosen(override: "sideways", probedWidth: { 1 }) == .halfBlocks)
    }
}
