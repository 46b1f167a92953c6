import CardDomain
import CardResources
@testable import CardStore
import Foundation
import JournalTestSupport
import SystemPackage
import TestImages
import Testing

/// Photos that only look right in their header, and names that are not files.
@Suite struct PhotoStoreHostileFileTests {
    let root: String
    var data: DataDirectory { DataDirectory(FilePath(root + "/data")) }

    init() throws {
        root = try TemporaryFolder.make("sscard-hostile")
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try FileManager.default.createDirectory(atPath: root + "/in", withIntermediateDirectories: true)
        let path = root + "/in/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func accept(_ path: String, _ id: String = "cardPhoto") throws -> Result<PhotoReference, PhotoRejection> {
        try data.create()
        let requirement = try #require(try CardResources.photoRequirements().first { $0.id == id })
        return try PhotoStore(data: data).accept(path: path, requirement: requirement)
    }

    @Test func aTruncatedJPEGWhoseHeaderSays358x441IsRefused() throws {
        let whole = TestImages.jpeg(width: 358, height: 441, quality: 98)
        let cut = try write("cut.jpg", Array(whole.prefix(max(20_480, whole.count * 2 / 3))))
        #expect(try accept(cut).failureMessage?.contains("已损坏或不完整") == true)
    }

    @Test func randomBytesBehindAJPEGHeaderAreRefused() throws {
        let whole = TestImages.jpeg(width: 358, height: 441)
        let scan = (0..<(whole.count - 1)).first { whole[$0] == 0xFF && whole[$0 + 1] == 0xDA }!
        var state: UInt32 = 2026
        let noise = (0..<(9_175_040 - scan - 12)).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        let path = try write("noise.jpg", Array(whole.prefix(scan + 12)) + noise)
        #expect(try accept(path).failureMessage?.contains("已损坏或不完整") == true)
    }

    @Test func aPNGHeaderFollowedByGarbageIsRefused() throws {
        let header = Array(TestImages.png(width: 358, height: 441).prefix(33))
        let path = try write("garbage.png", header + [UInt8](repeating: 0x5A, count: 30_000))
        #expect(try accept(path).failureMessage?.contains("已损坏或不完整") == true)
    }

    @Test func aGreyCardPhotoIsRefusedButAGreyIDScanIsNot() throws {
        let grey = try write("grey.jpg", TestImages.jpeg(width: 358, height: 441, colour: false, quality: 98))
        #expect(try accept(grey).failureMessage?.contains("须为彩色照片") == true)
        let scan = try write("grey-id.png", TestImages.png(width: 640, height: 404, bytes: 40_000, colour: false))
        #expect(throws: Never.self) { _ = try accept(scan, "idCardFront").get() }
    }

    @Test func aRealJPEGIsAccepted() throws {
        let path = try write("me.jpg", TestImages.jpeg(width: 358, height: 441, quality: 100))
        let reference = try accept(path).get()
        #expect(reference.format == .jpeg)
    }

    /// A FIFO would block a plain open for ever; it is refused without being opened.
    @Test func aFIFOOrALinkToOneIsRefusedWithoutBlocking() throws {
        try FileManager.default.createDirectory(atPath: root + "/in", withIntermediateDirectories: true)
        let fifo = root + "/in/photo.png"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(try accept(fifo).failureMessage?.contains("不是普通文件") == true)
        let link = root + "/in/link.png"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
        #expect(try accept(link).failureMessage?.contains("不是普通文件") == true)
        #expect(try accept("/dev/null").failureMessage?.contains("不是普通文件") == true)
    }

    /// A link to a real photo is the photo: its size and pixels, not the link's.
    @Test func aLinkToARealPhotoIsAccepted() throws {
        let target = try write("real.png", TestImages.png(width: 358, height: 441, bytes: 30_000))
        let link = root + "/in/link.png"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try accept(link).get().byteCount == 30_000)
    }
}
