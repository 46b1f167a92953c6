import CardDomain
import FuzzSupport
import ImageDecoding

/// The photo header reader, the D8 check and the whole-file decoders over arbitrary bytes.
@main enum ImageFuzzer: FuzzTarget {
    static let requirement = PhotoRequirement(id: "cardPhoto", label: "制卡照片", minimumBytes: 0, maximumBytes: 1 << 24,
                                              exactSize: PixelSize(width: 358, height: 441))

    static func fuzz(_ bytes: [UInt8]) {
        let header = ImageHeader.read(bytes)
        _ = requirement.check(fileSize: bytes.count, head: bytes)
        if let header, header.pixelCount <= 4_000_000 {
            _ = ImageDecoder.decode(bytes, maximumPixels: 4_000_000)
        }
    }
}
