import CardDomain
import CHaru

/// A receipt as a one-page A4 PDF, drawn by libharu. Chinese text is set in SimSun and
/// Latin letters and digits in Helvetica: both are standard PDF fonts, so the file embeds
/// none and stays a few kilobytes, and `pdftotext` gives the text back exactly.
public enum ReceiptPDF {
    public struct RenderFailed: Error, CustomStringConvertible {
        public let code: UInt
        public var description: String { "PDF 生成失败（libharu 错误 0x\(String(code, radix: 16))）" }
    }

    static let pageWidth: Float = 595, pageHeight: Float = 842, margin: Float = 56
    static let labelWidth: Float = 84

    public static func render(_ receipt: Receipt) throws -> [UInt8] {
        guard let document = HPDF_New(nil, nil) else { throw RenderFailed(code: 0) }
        defer { HPDF_Free(document) }
        HPDF_UseCNSFonts(document)
        HPDF_UseCNSEncodings(document)
        HPDF_SetCompressionMode(document, UInt32(HPDF_COMP_ALL))
        guard let page = HPDF_AddPage(document),
              let chinese = HPDF_GetFont(document, "SimSun", "GBK-EUC-H"),
              let latin = HPDF_GetFont(document, "Helvetica", nil) else {
            throw RenderFailed(code: UInt(HPDF_GetError(document)))
        }
        HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT)
        var writer = PDFTextWriter(page: page, chinese: chinese, latin: latin)
        var y = pageHeight - margin - 10
        writer.write(receipt.title, x: margin, y: y, size: 18)
        y -= 36
        let valueWidth = pageWidth - 2 * margin - labelWidth
        for row in receipt.rows {
            writer.write(row.label, x: margin, y: y, size: 12)
            for line in writer.wrap(row.value, width: valueWidth, size: 12) {
                writer.write(line, x: margin + labelWidth, y: y, size: 12)
                y -= 20
            }
        }
        y -= 10
        writer.write("后续安排", x: margin, y: y, size: 12)
        for line in writer.wrap(receipt.nextSteps, width: valueWidth, size: 12) {
            writer.write(line, x: margin + labelWidth, y: y, size: 12)
            y -= 20
        }
        y -= 20
        writer.write("请妥善保管本回执，凭办事编号查询办理进度。", x: margin, y: y, size: 10)
        guard HPDF_SaveToStream(document) == HPDF_OK else { throw RenderFailed(code: UInt(HPDF_GetError(document))) }
        var size = HPDF_GetStreamSize(document)
        var bytes = [UInt8](repeating: 0, count: Int(size))
        // Reading the whole stream may answer "end of stream" rather than OK; the size read counts.
        guard HPDF_ReadFromStream(document, &bytes, &size) == HPDF_OK || size > 0 else {
            throw RenderFailed(code: UInt(HPDF_GetError(document)))
        }
        return Array(bytes.prefix(Int(size)))
    }
}
