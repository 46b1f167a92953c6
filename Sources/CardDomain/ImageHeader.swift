/// An image's format and pixel size, read from its first bytes (JPEG SOF or PNG IHDR)
/// without decoding it, so untrusted files are never fed to a decoder. The format comes
/// from the bytes, never from the file name.
public struct ImageHeader: Equatable, Sendable {
    public enum Format: String, Codable, Equatable, Sendable {
        case jpeg = "JPG", png = "PNG"
    }

    public var format: Format
    public var width: Int
    public var height: Int

    public var size: PixelSize { PixelSize(width: width, height: height) }

    /// Width times height, saturating: a PNG header may claim 2^32-1 by 2^32-1.
    public var pixelCount: Int {
        let (product, overflow) = width.multipliedReportingOverflow(by: height)
        return overflow ? .max : product
    }

    public init(format: Format, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }

    /// How many leading bytes `read` needs at most for a JPEG whose SOF follows large
    /// metadata segments (EXIF thumbnails); PNG needs 24.
    public static let bytesNeeded = 256 * 1024

    public static func read(_ bytes: [UInt8]) -> ImageHeader? {
        readPNG(bytes) ?? readJPEG(bytes)
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func readPNG(_ bytes: [UInt8]) -> ImageHeader? {
        guard bytes.count >= 24, Array(bytes[0..<8]) == pngSignature, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            return nil
        }
        let width = bigEndian(bytes, 16, 4)
        let height = bigEndian(bytes, 20, 4)
        guard width > 0, height > 0 else { return nil }
        return ImageHeader(format: .png, width: width, height: height)
    }

    /// Walks the JPEG's marker segments to the first start-of-frame (SOF0 to SOF15, but
    /// not DHT C4, JPG C8 or DAC CC), whose fields give height and width.
    static func readJPEG(_ bytes: [UInt8]) -> ImageHeader? {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var position = 2
        while position + 4 <= bytes.count {
            guard bytes[position] == 0xFF else { return nil }
            let marker = bytes[position + 1]
            if marker == 0xFF { position += 1; continue }  // fill bytes
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { position += 2; continue }
            if marker == 0xD9 || marker == 0xDA { return nil }  // end, or scan data before any frame
            let length = bigEndian(bytes, position + 2, 2)
            guard length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard position + 9 <= bytes.count, length >= 7 else { return nil }
                let height = bigEndian(bytes, position + 5, 2)
                let width = bigEndian(bytes, position + 7, 2)
                guard width > 0, height > 0 else { return nil }
                return ImageHeader(format: .jpeg, width: width, height: height)
            }
            position += 2 + length
        }
        return nil
    }

    static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        (0..<count).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
    }
}
