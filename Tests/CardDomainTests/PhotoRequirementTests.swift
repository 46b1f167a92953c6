import CardDomain
import Testing

extension PhotoRequirement {
    /// The D8 numbers, as Resources/Data/photo-requirements.json holds them (CardResourcesTests checks the file).
    static let cardPhoto = PhotoRequirement(id: "cardPhoto", label: "制卡照片", minimumBytes: 20_480, maximumBytes: 9_175_040,
                                            exactSize: PixelSize(width: 358, height: 441))
    static let idCardSide = PhotoRequirement(id: "idCardFront", label: "身份证正面原件照片", minimumBytes: 20_480,
                                             maximumBytes: 9_175_040, minimumSize: PixelSize(width: 300, height: 180))
}

@Suite struct PhotoRequirementTests {
    static func png(width: Int, height: Int) -> [UInt8] {
        func be32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + Array("IHDR".utf8)
            + be32(width) + be32(height) + [8, 2, 0, 0, 0]
    }

    /// SOI, an APP0 (JFIF) segment, a DQT segment, then SOF0 or SOF2 with the size.
    static func jpeg(width: Int, height: Int, progressive: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        bytes += [0xFF, 0xDB, 0x00, 0x43, 0x00] + [UInt8](repeating: 1, count: 64)
        bytes += [0xFF, progressive ? 0xC2 : 0xC0, 0x00, 0x11, 0x08,
                  UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 0x03]
        return bytes + [UInt8](repeating: 0, count: 9)
    }

    @Test func sizesAreReadFromPNGAndJPEGHeaders() {
        #expect(ImageHeader.read(Self.png(width: 358, height: 441)) == ImageHeader(format: .png, width: 358, height: 441))
        #expect(ImageHeader.read(Self.jpeg(width: 358, height: 441)) == ImageHeader(format: .jpeg, width: 358, height: 441))
        #expect(ImageHeader.read(Self.jpeg(width: 1280, height: 800, progressive: true))
                == ImageHeader(format: .jpeg, width: 1280, height: 800))
    }

    @Test func nonImagesAndTruncatedHeadersAreNotImages() {
        #expect(ImageHeader.read(Array("%PDF-1.7\n".utf8)) == nil)
        #expect(ImageHeader.read(Array(Self.jpeg(width: 358, height: 441).prefix(30))) == nil)
        #expect(ImageHeader.read(Array(Self.png(width: 358, height: 441).prefix(20))) == nil)
        #expect(ImageHeader.read([]) == nil)
    }

    @Test func cardPhotoOfTheRightSizeIsAccepted() {
        let check = PhotoRequirement.cardPhoto.check(fileSize: 36_000, head: Self.jpeg(width: 358, height: 441))
        #expect(check.isAccepted)
    }

    @Test func everyProblemOfAPhotoIsReportedWithTheActualValues() {
        let check = PhotoRequirement.cardPhoto.check(fileSize: 12_000, head: Self.png(width: 400, height: 500))
        #expect(check.problems.map(\.message) == ["文件大小为 12 KB，应在 20 KB 至 8.75 MB 之间", "尺寸为 400x500，应为 358x441"])
        #expect(check.problems.allSatisfy { $0.field == "制卡照片" })
    }

    @Test func idCardSidesNeedAMinimumSize() {
        #expect(PhotoRequirement.idCardSide.check(fileSize: 210_000, head: Self.jpeg(width: 1280, height: 800)).isAccepted)
        let small = PhotoRequirement.idCardSide.check(fileSize: 210_000, head: Self.jpeg(width: 200, height: 180))
        #expect(small.problems.map(\.message) == ["尺寸为 200x180，应至少为 300x180"])
    }

    @Test func notAnImageSaysSo() {
        let check = PhotoRequirement.cardPhoto.check(fileSize: 1_200_000, head: Array("%PDF-1.7".utf8))
        #expect(check.problems == [FieldProblem(field: "制卡照片", message: "不是 JPG 或 PNG 图片，请选择照片文件")])
    }

    @Test func sizeTextMatchesTheBureausWording() {
        #expect(PhotoRequirement.sizeText(9_175_040) == "8.75 MB")
        #expect(PhotoRequirement.sizeText(20_480) == "20 KB")
        #expect(PhotoRequirement.sizeText(1_258_291) == "1.2 MB")
    }

    /// Found by the fuzzer: a PNG header may claim 2^32-1 by 2^32-1 pixels, whose product
    /// overflowed. It is refused as too many pixels, before anything is decoded.
    @Test func aHeaderClaimingFourBillionSquaredPixelsIsRefusedNotACrash() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 8, 2, 0, 0, 0, 0, 0, 0, 0]
        let requirement = PhotoRequirement(id: "idCardFront", label: "身份证正面原件照片", minimumBytes: 0,
                                           maximumBytes: 1 << 24, minimumSize: PixelSize(width: 300, height: 180))
        let check = requirement.check(fileSize: png.count, head: png)
        #expect(check.problems.contains { $0.message.contains("像素过多") })
    }
}
