import CPNG
import CTurboJPEG

/// Decodes a whole JPEG or PNG with the maintained decoders (libjpeg-turbo, libpng), so a
/// photo is accepted only when every byte of it is a picture: a truncated file, random
/// bytes behind a valid header, or a header that lies about the size are refused.
///
/// Decoding is bounded: the caller checks the file size first, the pixel count is checked
/// from the header before any pixel buffer is made, and progressive JPEGs are limited in
/// scans (TJFLAG_LIMITSCANS). JPEGs are decoded at 1/8 scale (every coefficient is still
/// read, which is what finds damage) to keep memory and time small.
public enum ImageDecoder {
    public enum Format: Sendable, Equatable { case jpeg, png }

    public struct Decoded: Equatable, Sendable {
        public var format: Format
        public var width: Int
        public var height: Int
        /// False for grey images: a grey colour space, or colour pixels that are all grey.
        public var isColour: Bool
    }

    public enum Failure: Error, Equatable, Sendable {
        case notAnImage
        case tooManyPixels(width: Int, height: Int)
        /// The decoder's own words, for the log; the screen says it in Chinese.
        case damaged(String)
    }

    public static func decode(_ bytes: [UInt8], maximumPixels: Int) -> Result<Decoded, Failure> {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return decodePNG(bytes, maximumPixels: maximumPixels)
        }
        if bytes.starts(with: [0xFF, 0xD8]) { return decodeJPEG(bytes, maximumPixels: maximumPixels) }
        return .failure(.notAnImage)
    }

    static func decodeJPEG(_ bytes: [UInt8], maximumPixels: Int) -> Result<Decoded, Failure> {
        guard let handle = tjInitDecompress() else { return .failure(.damaged("tjInitDecompress failed")) }
        defer { tjDestroy(handle) }
        var width: Int32 = 0, height: Int32 = 0, subsampling: Int32 = 0, colourSpace: Int32 = 0
        let header = bytes.withUnsafeBufferPointer {
            tjDecompressHeader3(handle, $0.baseAddress, UInt($0.count), &width, &height, &subsampling, &colourSpace)
        }
        guard header == 0 else { return .failure(.damaged(errorText(handle))) }
        guard width > 0, height > 0 else { return .failure(.notAnImage) }
        guard Int(width) * Int(height) <= maximumPixels else {
            return .failure(.tooManyPixels(width: Int(width), height: Int(height)))
        }
        let scaledWidth = (Int(width) + 7) / 8
        let scaledHeight = (Int(height) + 7) / 8
        var pixels = [UInt8](repeating: 0, count: scaledWidth * scaledHeight * 3)
        let flags = TJFLAG_STOPONWARNING | TJFLAG_LIMITSCANS
        let result = bytes.withUnsafeBufferPointer { source in
            pixels.withUnsafeMutableBufferPointer { target in
                tjDecompress2(handle, source.baseAddress, UInt(source.count), target.baseAddress,
                              Int32(scaledWidth), 0, Int32(scaledHeight), Int32(TJPF_RGB.rawValue), flags)
            }
        }
        guard result == 0 else { return .failure(.damaged(errorText(handle))) }
        let grey = colourSpace == Int32(TJCS_GRAY.rawValue) || subsampling == Int32(TJSAMP_GRAY.rawValue)
        return .success(Decoded(format: .jpeg, width: Int(width), height: Int(height),
                                isColour: !grey && hasColour(pixels)))
    }

    static func decodePNG(_ bytes: [UInt8], maximumPixels: Int) -> Result<Decoded, Failure> {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let begun = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard begun != 0 else { return .failure(.damaged(messageText(&image))) }
        let width = Int(image.width), height = Int(image.height)
        guard width > 0, height > 0 else { return .failure(.notAnImage) }
        // Both may be up to 2^31 (libpng's own limit): compare without overflowing.
        guard width <= maximumPixels / height else { return .failure(.tooManyPixels(width: width, height: height)) }
        let grey = image.format & UInt32(PNG_FORMAT_FLAG_COLOR) == 0
        image.format = UInt32(PNG_FORMAT_RGB)
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        let finished = pixels.withUnsafeMutableBytes {
            png_image_finish_read(&image, nil, $0.baseAddress, 0, nil)
        }
        // A warning (a bad CRC the decoder let pass, for one) is damage as well.
        guard finished != 0, image.warning_or_error == 0 else { return .failure(.damaged(messageText(&image))) }
        return .success(Decoded(format: .png, width: width, height: height, isColour: !grey && hasColour(pixels)))
    }

    /// Some real colour: at least 0.5% of pixels whose channels differ by more than 16.
    static func hasColour(_ rgb: [UInt8]) -> Bool {
        let pixels = rgb.count / 3
        guard pixels > 0 else { return false }
        var coloured = 0
        var index = 0
        while index + 2 < rgb.count {
            let r = Int(rgb[index]), g = Int(rgb[index + 1]), b = Int(rgb[index + 2])
            if max(r, g, b) - min(r, g, b) > 16 { coloured += 1 }
            index += 3
        }
        return coloured * 200 >= pixels
    }

    private static func errorText(_ handle: tjhandle) -> String {
        guard let text = tjGetErrorStr2(handle) else { return "unknown JPEG error" }
        return String(cString: text)
    }

    private static func messageText(_ image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
