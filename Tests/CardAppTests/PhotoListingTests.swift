@testable import CardApp
import CardDomain
import CardResources
import Foundation
import JournalTestSupport
import Synchronization
import TestImages
import Testing
import TerminalUI

/// The picker's listing of a real folder that holds what no photo folder should: it
/// never blocks, never opens a device, and shows every name as it is, escaped.
@Suite struct PhotoListingTests {
    let folder: String

    init() throws {
        folder = try TemporaryFolder.make("sscard-listing")
    }

    func listing() throws -> PhotoDirectoryListing {
        PhotoDirectoryListing(requirement: try #require(try CardResources.photoRequirements().first { $0.id == "cardPhoto" }))
    }

    /// Lists on another thread and fails, rather than hanging, if that takes over 10 s.
    func entriesWithin(seconds: Double) throws -> [FileEntry] {
        let listing = try listing()
        let folder = folder
        let result = Mutex<Result<[FileEntry], any Error>?>(nil)
        Thread { result.withLock { $0 = Result { try listing.entries(in: folder) } } }.start()
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, result.withLock({ $0 == nil }) { usleep(5_000) }
        guard let outcome = result.withLock({ $0 }) else { throw ListingTimedOut() }
        return try outcome.get()
    }

    @Test func fifosAndLinksToDevicesAreListedWithoutBeingOpened() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(mkfifo(folder + "/ff.csv", 0o600) == 0)
        #expect(mkfifo(folder + "/photo.png", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/tty.png", withDestinationPath: "/dev/null")
        try Data(TestImages.png(width: 358, height: 441, bytes: 30_000)).write(to: URL(fileURLWithPath: folder + "/me.png"))
        let entries = try entriesWithin(seconds: 10)
        let byName = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0) })
        #expect(byName["ff.csv"]?.verdict == "不是普通文件")
        #expect(byName["photo.png"]?.verdict == "不是普通文件")
        #expect(byName["tty.png"]?.verdict == "不是普通文件")
        #expect(byName["tty.png"]?.displayName == "tty.png -> /dev/null")
        #expect(byName["me.png"]?.verdict == "可用")
    }

    @Test func namesWithControlCharactersAreEscapedAndLinksDescribedByTheirTarget() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let photo = TestImages.png(width: 358, height: 441, bytes: 30_000)
        let strange = "a\u{1B}[2J\nb.png"
        try Data(photo).write(to: URL(fileURLWithPath: folder + "/" + strange))
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.png", withDestinationPath: folder + "/" + strange)
        let entries = try entriesWithin(seconds: 10)
        let escaped = try #require(entries.first { $0.name == strange })
        #expect(escaped.displayName == "a\\u{1B}[2J\\u{A}b.png")
        let link = try #require(entries.first { $0.name == "link.png" })
        #expect(link.size == 30_000, "the link's target's size, not the link's own")
        #expect(link.verdict == "可用")
        #expect(link.displayName.hasPrefix("link.png -> ") && !link.displayName.contains("\n"))
    }
}

struct ListingTimedOut: Error {}

/// What the picker lists and refuses, beyond the bytes of one file.
@Suite struct PhotoChoiceTests {
    @Test func filesThatAreNotPicturesAreListedWithTheReasonAndSizesReadAsTheFormSaysThem() throws {
        let folder = try TemporaryFolder.make("sscard-listing")
        try Data("notes".utf8).write(to: URL(fileURLWithPath: folder + "/notes.jpg"))
        let photo = TestImages.png(width: 358, height: 441, bytes: 165_000)
        try Data(photo).write(to: URL(fileURLWithPath: folder + "/me.png"))
        let requirement = try #require(try CardResources.photoRequirements().first { $0.id == "cardPhoto" })
        let entries = try PhotoDirectoryListing(requirement: requirement).entries(in: folder)
        let notes = try #require(entries.first { $0.name == "notes.jpg" })
        #expect(notes.isShown && notes.verdict == "不是图片")
        let me = try #require(entries.first { $0.name == "me.png" })
        #expect(me.sizeText == PhotoRequirement.sizeText(165_000) && me.sizeText == "162 KB")
    }

    @Test func theSameFileIsRefusedForTheBackAfterTheFront() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        model.logIn("110105195609090137")
        model.choose("apply")
        model.type([.character(" "), .enter])
        model.focus("idCardFront")
        model.type([.enter])
        model.pickPhoto(TestPhotos.idFront)
        try #require(model.wizard?.flow.form.idCardFront != nil)
        model.focus("idCardBack")
        model.type([.enter])
        model.pickPhoto(TestPhotos.idFront)
        #expect(model.wizard?.flow.form.idCardBack == nil)
        guard case .photoPicker(let picking)? = model.overlay else { Issue.record("the picker closed"); return }
        #expect(picking.picker.problem?.contains("同一个文件") == true)
    }
}
