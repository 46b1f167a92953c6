import SnapshotSupport
import Testing
@testable import TerminalUI

/// A fixed directory tree standing in for the file system.
struct FakeListing: DirectoryListing {
    let tree: [String: [FileEntry]]
    struct Missing: Error, CustomStringConvertible { var description: String { "没有这个目录" } }

    func entries(in directory: String) throws -> [FileEntry] {
        guard let entries = tree[directory] else { throw Missing() }
        return entries
    }
}

@Suite struct FilePickerTests {
    let listing = FakeListing(tree: [
        "/home/counter/photos/": [
            FileEntry(name: "2026-11", isDirectory: true),
            FileEntry(name: "sun-jianguo.jpg", isDirectory: false, size: 36_864, dimensions: "358x441", verdict: "可用"),
            FileEntry(name: "sun-old.png", isDirectory: false, size: 524_288, dimensions: "600x800", verdict: "尺寸应为 358x441"),
            FileEntry(name: "notes.txt", isDirectory: false, size: 10, isShown: false),
            FileEntry(name: "scan.pdf", isDirectory: false, size: 1_258_291, dimensions: "-", verdict: "不是图片"),
        ],
        "/home/counter/photos/2026-11/": [],
        "/home/counter/": [FileEntry(name: "photos", isDirectory: true)],
    ])

    @Test func browsesShowsOnlyImagesAndChoosesAFile() {
        var picker = FilePicker(title: "选择制卡照片", requirement: "JPG 或 PNG，20KB 至 8.75MB，358x441 像素",
                                directory: "/home/counter/photos", listing: listing)
        #expect(!picker.entries.contains { $0.name == "notes.txt" })
        _ = picker.handle(.down)
        _ = picker.handle(.down)
        var canvas = Canvas(width: 80, height: 24)
        picker.draw(on: &canvas)
        Snapshot.assertMatches(canvas.grid.text, named: "file-picker")
        #expect(picker.handle(.enter) == .activated)
        #expect(picker.chosenPath == "/home/counter/photos/sun-jianguo.jpg")
    }

    @Test func opensDirectoriesGoesUpAndTakesATypedPath() {
        var picker = FilePicker(title: "选择制卡照片", requirement: "", directory: "/home/counter/photos/", listing: listing)
        _ = picker.handle(.enter)
        #expect(picker.directory == "/home/counter/photos/2026-11/")
        _ = picker.handle(.backspace)
        _ = picker.handle(.backspace)
        #expect(picker.directory == "/home/counter/")
        _ = picker.handle(.tab)
        for _ in 0..<20 { _ = picker.handle(.backspace) }
        for key in Key.typing("/tmp/照片.jpg") { _ = picker.handle(key) }
        #expect(picker.handle(.enter) == .activated)
        #expect(picker.chosenPath == "/tmp/照片.jpg")
    }

    @Test func anUnreadableDirectorySaysSoAndKeepsTheWayUp() {
        let picker = FilePicker(title: "选择制卡照片", requirement: "", directory: "/nowhere", listing: listing)
        #expect(picker.problem?.contains("无法读取目录 /nowhere/") == true)
        #expect(picker.entries.map(\.name) == [".."])
    }

    @Test func sizesReadLikeAPerson() {
        #expect(FileEntry(name: "a", isDirectory: false, size: 36_864).sizeText == "36 KB")
        #expect(FileEntry(name: "a", isDirectory: false, size: 1_258_291).sizeText == "1.2 MB")
        #expect(FileEntry(name: "a", isDirectory: false, size: 900).sizeText == "900 B")
    }

    /// The list shows the caller's display name (escaped, with a link's target) and
    /// keeps the columns; choosing it still gives the real path.
    @Test func theDisplayNameIsShownAndTheRealNameChosen() {
        let listing = FakeListing(tree: ["/p/": [
            FileEntry(name: "a\u{1B}b.png", isDirectory: false, size: 36_864, dimensions: "358x441", verdict: "可用",
                      displayName: "a\\u{1B}b.png -> me.png"),
        ]])
        var picker = FilePicker(title: "选择制卡照片", requirement: "JPG 或 PNG", directory: "/p", listing: listing)
        var canvas = Canvas(width: 80, height: 24)
        _ = picker.handle(.down)
        picker.draw(on: &canvas)
        let line = canvas.grid.text.split(separator: "\n").first { $0.contains("me.png") }
        #expect(line?.contains("a\\u{1B}b.png -> me.png") == true)
        #expect(line?.contains("36 KB") == true)
        #expect(!canvas.grid.text.contains("\u{1B}"))
        #expect(picker.handle(.enter) == .activated)
        #expect(picker.chosenPath == "/p/a\u{1B}b.png")
    }
}
