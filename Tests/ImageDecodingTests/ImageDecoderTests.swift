import ImageDecoding
import TestImages
import Testing

/// The whole picture is decoded by libjpeg-turbo or libpng before a photo is accepted.
@Suite struct ImageDecoderTests {
    static let limit = 25_000_000

    @Test func aRealColourPictureDecodesInEitherFormat() throws {
        for bytes in [TestImages.jpeg(width: 358, height: 441), TestImages.png(width: 358, height: 441)] {
            let decoded = try ImageDecoder.decode(bytes, maximumPixels: Self.limit).get()
            #expect(decoded.width == 358 && decoded.height == 441 && decoded.isColour)
        }
    }

    @Test func greyPicturesAreToldApartFromColourOnes() throws {
        #expect(try !ImageDecoder.decode(TestImages.jpeg(width: 358, height: 441, colour: false), maximumPixels: Self.limit).get().isColour)
        #expect(try !ImageDecoder.decode(TestImages.png(width: 358, height: 441, colour: false), maximumPixels: Self.limit).get().isColour)
    }

    /// A JPEG cut after its SOF still says 358x441 in its header.
    @Test func aTruncatedJPEGIsDamaged() {
        let whole = TestImages.jpeg(width: 358, height: 441)
        for keep in [whole.count / 2, whole.count - 100, 700] {
            guard case .failure(.damaged) = ImageDecoder.decode(Array(whole.prefix(keep)), maximumPixels: Self.limit) else {
                Issue.record("a JPEG cut to \(keep) of \(whole.count) bytes decoded")
                continue
            }
        }
    }

    @Test func randomBytesBehindAJPEGHeaderAreDamaged() {
        let whole = TestImages.jpeg(width: 358, height: 441)
        // Keep everything up to the start of scan, then 8.75 MiB of noise.
        let scan = (0..<(whole.count - 1)).first { whole[$0] == 0xFF && whole[$0 + 1] == 0xDA }!
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<(9_175_040 - scan)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        guard case .failure(.damaged) = ImageDecoder.decode(Array(whole.prefix(scan + 12)) + noise, maximumPixels: Self.limit) else {
            Issue.record("noise behind a JPEG header decoded")
            return
        }
    }

    @Test func aPNGHeaderFollowedByGarbageOrCutShortIsDamaged() {
        let whole = TestImages.png(width: 358, height: 441)
        let garbage = Array(whole.prefix(33)) + [UInt8](repeating: 0x5A, count: 30_000)
        for bytes in [garbage, Array(whole.prefix(whole.count / 2))] {
            guard case .failure(.damaged) = ImageDecoder.decode(bytes, maximumPixels: Self.limit) else {
                Issue.record("a broken PNG decoded")
                continue
            }
        }
    }

    /// The pixel count is checked from the header, before any buffer is made.
    @Test func oversizedPicturesAreRefusedBeforeDecoding() {
        let big = TestImages.png(width: 600, height: 600)
        #expect(ImageDecoder.decode(big, maximumPixels: 100_000) == .failure(.tooManyPixels(width: 600, height: 600)))
        var lying = TestImages.png(width: 358, height: 441)
        // IHDR claims 60000x60000 (its CRC is then wrong, so libpng refuses it either way).
        lying.replaceSubrange(16..<24, with: [0, 0, 0xEA, 0x60, 0, 0, 0xEA, 0x60])
        if case .success = ImageDecoder.decode(lying, maximumPixels: Self.limit) { Issue.record("a PNG with a forged IHDR decoded") }
    }

    @Test func otherBytesAreNotAnImage() {
        #expect(ImageDecoder.decode(Array("GIF89a....".utf8), maximumPixels: Self.limit) == .failure(.notAnImage))
        #expect(ImageDecoder.decode([], maximumPixels: Self.limit) == .failure(.notAnImage))
    }
}
