import Glibc

/// Chinese text in GBK bytes, the encoding of the PDF standard's SimSun font (GBK-EUC-H),
/// through the C library's iconv. A character GBK lacks becomes "?", never a failure.
enum GBKText {
    static func bytes(of text: String) -> [CChar] {
        guard let converter = iconv_open("GBK", "UTF-8"), converter != iconv_t(bitPattern: -1) else {
            return text.unicodeScalars.map { $0.isASCII ? CChar(truncatingIfNeeded: $0.value) : CChar(UInt8(ascii: "?")) } + [0]
        }
        defer { iconv_close(converter) }
        var result: [CChar] = []
        for character in text {
            var input = Array(String(character).utf8CString.dropLast())
            var output = [CChar](repeating: 0, count: 16)
            var inputLeft = input.count
            var outputLeft = output.count
            let converted: Int = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                    var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                    return iconv(converter, &inPointer, &inputLeft, &outPointer, &outputLeft)
                }
            }
            if converted == -1 || inputLeft != 0 {
                result.append(CChar(UInt8(ascii: "?")))
                _ = iconv(converter, nil, nil, nil, nil)
            } else {
                result += output.prefix(output.count - outputLeft)
            }
        }
        return result + [0]
    }
}
