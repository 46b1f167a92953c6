import CPNG
import CTurboJPEG

/// Real pictures for the tests, encoded by libpng and libjpeg-turbo: a portrait in colour
/// (or grey), and the broken files a decoder must refuse. A PNG can be padded to an exact
/// byte count with a text chunk, so size limits can be tested on pictures that decode.
public enum TestImages {
    /// A head and shoulders on a light background, `seed` shifting the colours so that
    /// every file has its own SHA-256.
    public static func pixels(width: Int, height: Int, colour: Bool = true, seed: Int = 0) -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let dx = Double(x - width / 2) / Double(max(1, width / 4))
                let dy = Double(y - height * 2 / 5) / Double(max(1, height / 4))
                let head = dx * dx + dy * dy <= 1
                let shoulders = y > height * 3 / 4 && abs(x - width / 2) < width / 6 + (y - height * 3 / 4)
                var pixel: (Int, Int, Int) = head ? (224, 188, 160) : shoulders ? (40, 60, 110) : (246, 246, 250)
                pixel.0 = (pixel.0 + seed + (x * 7 + y * 3) % 9) & 0xFF
                if !colour {
                    let grey = (pixel.0 * 3 + pixel.1 * 6 + pixel.2) / 10
                    pixel = (grey, grey, grey)
                }
                let index = (y * width + x) * 3
                rgb[index] = UInt8(pixel.0)
                rgb[index + 1] = UInt8(pixel.1)
                rgb[index + 2] = UInt8(pixel.2)
            }
        }
        return rgb
    }

    /// A PNG of the portrait; with `bytes`, padded by a tEXt chunk to exactly that size
    /// (when the picture itself is smaller).
    public static func png(width: Int, height: Int, bytes: Int? = nil, colour: Bool = true, seed: Int = 0) -> [UInt8] {
        var rgb = pixels(width: width, height: height, colour: colour, seed: seed)
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = colour ? UInt32(PNG_FORMAT_RGB) : UInt32(PNG_FORMAT_RGB)
        var size = 0
        _ = rgb.withUnsafeMutableBytes { png_image_write_to_memory(&image, nil, &size, 0, $0.baseAddress, 0, nil) }
        var encoded = [UInt8](repeating: 0, count: size)
        _ = encoded.withUnsafeMutableBytes { target in
            rgb.withUnsafeMutableBytes { png_image_write_to_memory(&image, target.baseAddress, &size, 0, $0.baseAddress, 0, nil) }
        }
        encoded.removeLast(encoded.count - size)
        guard let bytes, bytes > encoded.count + 12 + 8 else { return encoded }
        // tEXt before IEND (the last 12 bytes): keyword, NUL, then filler text.
        let text = Array("Comment".utf8) + [0] + (0..<(bytes - encoded.count - 12 - 8)).map { UInt8(0x61 + ($0 + seed) % 26) }
        let chunk = bigEndian(text.count) + Array("tEXt".utf8) + text + bigEndian(Int(crc32(Array("tEXt".utf8) + text)))
        return Array(encoded.dropLast(12)) + chunk + Array(encoded.suffix(12))
    }

    /// A baseline JPEG of the portrait; grey pictures are encoded with one channel.
    public static func jpeg(width: Int, height: Int, colour: Bool = true, quality: Int = 90, seed: Int = 0) -> [UInt8] {
        let rgb = pixels(width: width, height: height, colour: colour, seed: seed)
        guard let handle = tjInitCompress() else { return [] }
        defer { tjDestroy(handle) }
        var output: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let subsampling = colour ? Int32(TJSAMP_420.rawValue) : Int32(TJSAMP_GRAY.rawValue)
        let result = rgb.withUnsafeBufferPointer {
            tjCompress2(handle, $0.baseAddress, Int32(width), 0, Int32(height), Int32(TJPF_RGB.rawValue),
                        &output, &size, subsampling, Int32(quality), 0)
        }
        guard result == 0, let output else { return [] }
        defer { tjFree(output) }
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }

    static func bigEndian(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }

    /// The CRC-32 of PNG chunks (ISO 3309), bit by bit: test data only.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
