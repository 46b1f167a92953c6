import CardDomain
import CardResources
@testable import CardStore
import Foundation
import Journal
import JournalTestSupport
import SystemPackage
import TestImages
import Testing

/// D8's blob store: checked by bytes, copied under its SHA-256, synced before use.
@Suite struct PhotoStoreTests {
    let root = NSTemporaryDirectory() + "sscard-photos-\(UUID().uuidString)"
    var data: DataDirectory { DataDirectory(FilePath(root + "/data")) }

    func requirement(_ id: String) throws -> PhotoRequirement {
        try #require(try CardResources.photoRequirements().first { $0.id == id })
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try FileManager.default.createDirectory(atPath: root + "/in", withIntermediateDirectories: true)
        let path = root + "/in/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func png(width: Int, height: Int, bytes: Int) -> [UInt8] {
        TestImages.png(width: width, height: height, bytes: bytes)
    }

    @Test func anAcceptedPhotoIsCopiedUnderItsHashPrivately() throws {
        try data.create()
        let bytes = Self.png(width: 358, height: 441, bytes: 30_000)
        let source = try write("me.png", bytes)
        let store = PhotoStore(data: data)
        let reference = try store.accept(path: source, requirement: try requirement("cardPhoto")).get()
        #expect(reference.byteCount == 30_000)
        #expect(reference.format == .png)
        #expect(reference.sha256.count == 64)
        let stored = store.path(of: reference).string
        #expect(FileManager.default.contents(atPath: stored) == Data(bytes))
        let mode = try FileManager.default.attributesOfItem(atPath: stored)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: data.blobs.string)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        // Moving the original afterwards loses nothing.
        try FileManager.default.removeItem(atPath: source)
        #expect(FileManager.default.fileExists(atPath: stored))
        try? FileManager.default.removeItem(atPath: root)
    }

    @Test func wrongFilesAreRefusedWithTheActualValues() throws {
        try data.create()
        let store = PhotoStore(data: data)
        let card = try requirement("cardPhoto")
        let wrongSize = try write("big.png", Self.png(width: 400, height: 500, bytes: 30_000))
        #expect(try store.accept(path: wrongSize, requirement: card) == .failure(PhotoRejection(problems: [
            FieldProblem(field: card.label, message: "尺寸为 400x500，应为 358x441")])))
        let text = try write("photo.jpg", Array(String(repeating: "text ", count: 5000).utf8))
        #expect(try store.accept(path: text, requirement: card).failureMessage?.contains("不是 JPG 或 PNG 图片") == true)
        let small = Self.png(width: 358, height: 441, bytes: 2_000)
        #expect(small.count < 20_480)
        let tiny = try write("tiny.png", small)
        #expect(try store.accept(path: tiny, requirement: card).failureMessage?
            .contains("文件大小为 \(PhotoRequirement.sizeText(small.count))，应在 20 KB 至 8.75 MB 之间") == true)
        #expect(try store.accept(path: root + "/nothing.png", requirement: card).failureMessage?.contains("找不到该文件") == true)
        #expect(try store.accept(path: root, requirement: card).failureMessage?.contains("不是普通文件") == true)
        #expect(!FileManager.default.fileExists(atPath: data.blobs.string), "nothing refused is stored")
        try? FileManager.default.removeItem(atPath: root)
    }

    /// A failed sync leaves no blob behind to be referred to, and says so by throwing.
    @Test func aFailedSyncStoresNothing() throws {
        try data.create()
        let io = FaultyFileIO()
        let source = try write("me.png", Self.png(width: 358, height: 441, bytes: 30_000))
        io.inject(.syncAll, .fail(.ioError))
        let store = PhotoStore(data: data, io: io)
        #expect(throws: Errno.ioError) { try store.accept(path: source, requirement: try requirement("cardPhoto")) }
        let folders = (try? FileManager.default.subpathsOfDirectory(atPath: data.blobs.string)) ?? []
        #expect(!folders.contains { $0.count > 60 }, "no blob and no temporary file: \(folders)")
        // The next try, on a healthy disk, stores it.
        #expect(throws: Never.self) { _ = try store.accept(path: source, requirement: try requirement("cardPhoto")).get() }
        try? FileManager.default.removeItem(atPath: root)
    }
}

extension Result where Failure == PhotoRejection {
    var failureMessage: String? {
        if case .failure(let rejection) = self { return rejection.message }
        return nil
    }
}
