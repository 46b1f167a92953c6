import CardDomain
import Testing

/// The byte-level shortcut never calls unsafe text plain, and escaping keeps plain text as it is.
@Suite struct TerminalTextTests {
    @Test func plainTextIsKeptAndNothingUnsafeIsCalledPlain() {
        #expect(TerminalText.escaped("孙建国 110105 Demo@2026") == "孙建国 110105 Demo@2026")
        #expect(TerminalText.escaped("a\u{1B}[2Jb\u{202E}") == "a\\u{1B}[2Jb\\u{202E}")
        // Around the edges of the shortcut's ranges: ASCII controls and DEL, C1, the scalars
        // just outside U+4E00...U+9FFF, bidi and private use.
        let edges: [UInt32] = [0x00, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x9B, 0x4DFF, 0x4E00, 0x9FFF, 0xA000, 0x202E, 0xE000, 0xFEFF]
        for value in edges {
            let text = "张" + String(Unicode.Scalar(value)!) + "a"
            let unsafe = text.unicodeScalars.contains(where: TerminalText.isUnsafe)
            #expect(!(TerminalText.isPlainlySafe(text) && unsafe), "U+\(String(value, radix: 16))")
            #expect(TerminalText.isPlainlySafe(text) == ((0x20...0x7E).contains(value) || (0x4E00...0x9FFF).contains(value)),
                    "U+\(String(value, radix: 16))")
        }
    }
}
