import CardDomain
import Foundation
import Testing

/// scripts/make-demo-images.py makes images that the D8 rules accept or refuse as named.
@Suite struct DemoImagesTests {
    static func check(_ directory: URL, _ name: String, _ requirement: String) throws -> PhotoCheck {
        let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
        return DomainFixture.reference.photoRequirement(requirement)!.check(fileSize: bytes.count, head: Array(bytes.prefix(4096)))
    }

    @Test func theScriptsImagesShowEveryOutcome() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("sscard-images-\(getpid())")
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        script.arguments = ["python3", repository.appendingPathComponent("scripts/make-demo-images.py").path, directory.path]
        script.standardOutput = FileHandle.nullDevice
        try script.run()
        script.waitUntilExit()
        #expect(script.terminationStatus == 0)

        #expect(try Self.check(directory, "card-photo.png", "cardPhoto").isAccepted)
        #expect(try Self.check(directory, "id-front.png", "idCardFront").isAccepted)
        #expect(try Self.check(directory, "id-back.png", "idCardBack").isAccepted)
        #expect(try Self.check(directory, "too-small-bytes.png", "cardPhoto").problems.map(\.message)
                == ["文件大小为 2 KB，应在 20 KB 至 8.75 MB 之间"])
        #expect(try Self.check(directory, "wrong-size.png", "cardPhoto").problems.map(\.message) == ["尺寸为 400x500，应为 358x441"])
        #expect(try Self.check(directory, "id-too-small.png", "idCardFront").problems.map(\.message) == ["尺寸为 280x170，应至少为 300x180"])
        #expect(try Self.check(directory, "not-an-image.jpg", "cardPhoto").problems.map(\.message) == ["不是 JPG 或 PNG 图片，请选择照片文件"])
        try? FileManager.default.removeItem(at: directory)
    }
}
