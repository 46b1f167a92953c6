@testable import CardApp
import CardDomain
import Testing

/// The captcha reads back for a person (and for our own tests), but not by one table.
@Suite struct CaptchaTests {
    @Test func everyDigitReadsBackWhateverTheSeed() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<2000 {
            let captcha = Captcha.random(length: 4, using: &generator)
            #expect(Captcha.read(captcha.drawing) == captcha.code, "\(captcha.drawing.joined(separator: "\n"))")
        }
    }

    @Test func theSameCodeIsDrawnDifferentlyEachTimeAndInASCIIOnly() {
        let pictures = Set((1...20).map { Captcha(code: "2026", seed: $0).drawing })
        #expect(pictures.count >= 15)
        for picture in pictures {
            #expect(picture.count == 6)
            #expect(picture.allSatisfy { line in line.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 } })
        }
    }

    /// Inks differ between digits, glyphs move up and down: no fixed 5-line block per digit.
    @Test func noDigitIsAFixedBlockOfCharacters() {
        var inks = Set<Character>()
        var shapes = Set<[String]>()
        for seed in UInt64(1)...50 {
            let drawing = Captcha(code: "8", seed: seed).drawing
            inks.formUnion(drawing.joined().filter { Captcha.inks.contains($0) })
            shapes.insert(drawing.map { String($0.filter { Captcha.inks.contains($0) || $0 == " " }) })
        }
        #expect(inks.count >= 4)
        #expect(shapes.count >= 4)
    }
}
