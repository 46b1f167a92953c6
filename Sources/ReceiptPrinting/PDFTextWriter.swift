import CHaru
import TerminalUI

/// Sets a line of mixed Chinese and Latin text on a libharu page, one font per run, and
/// measures text to wrap it.
struct PDFTextWriter {
    let page: HPDF_Page
    let chinese: HPDF_Font
    let latin: HPDF_Font

    /// Runs of `text` that one font sets: ASCII in Helvetica, the rest in SimSun.
    private func runs(_ text: String) -> [(font: HPDF_Font, bytes: [CChar])] {
        var runs: [(font: HPDF_Font, text: String)] = []
        for character in text {
            let font = character.isASCII ? latin : chinese
            if let last = runs.last, last.font == font { runs[runs.count - 1].text.append(character) }
            else { runs.append((font, String(character))) }
        }
        return runs.map { run in
            (run.font, run.font == latin ? Array(run.text.utf8CString) : GBKText.bytes(of: run.text))
        }
    }

    func width(of text: String, size: Float) -> Float {
        runs(text).reduce(0) { $0 + width(ofRun: $1, size: size) }
    }

    mutating func write(_ text: String, x: Float, y: Float, size: Float) {
        var column = x
        for run in runs(text) {
            HPDF_Page_BeginText(page)
            HPDF_Page_SetFontAndSize(page, run.font, size)
            run.bytes.withUnsafeBufferPointer { _ = HPDF_Page_TextOut(page, column, y, $0.baseAddress) }
            HPDF_Page_EndText(page)
            column += width(ofRun: run, size: size)
        }
    }

    private func width(ofRun run: (font: HPDF_Font, bytes: [CChar]), size: Float) -> Float {
        let measured = run.bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: buffer.count) {
                HPDF_Font_TextWidth(run.font, $0, UInt32(run.bytes.count - 1))
            }
        }
        return Float(measured.width) * size / 1000
    }

    /// `text` in lines no wider than `width`, broken by the same Chinese rules as the screen.
    func wrap(_ text: String, width limit: Float, size: Float) -> [String] {
        LineBreaking.lines(of: Substring(text), limit: Double(limit)) { Double(width(of: String($0), size: size)) }
    }
}
