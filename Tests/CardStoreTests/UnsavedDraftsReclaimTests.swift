import CardDomain
@testable import CardStore
import Foundation
import JournalTestSupport
import SystemPackage
import Testing

/// A draft file claimed by a process that died waits again, even when its process id has
/// been given to another process since; one claimed by a process still running stays.
@Suite struct UnsavedDraftsReclaimTests {
    let drafts: UnsavedDrafts

    init() throws {
        drafts = UnsavedDrafts(data: DataDirectory(FilePath(try TemporaryFolder.make("sscard-drafts-reclaim"))))
        try FileManager.default.createDirectory(atPath: drafts.folder.string, withIntermediateDirectories: true)
    }

    /// A claimed file under `suffix`, and whether `reclaimAbandoned` put it back to wait.
    func reclaimed(_ suffix: String) throws -> Bool {
        let waiting = drafts.folder.appending("abc-def.json").string
        let claimed = waiting + ".saving-" + suffix
        #expect(FileManager.default.createFile(atPath: claimed, contents: Data("{}".utf8)))
        defer { try? FileManager.default.removeItem(atPath: claimed); try? FileManager.default.removeItem(atPath: waiting) }
        drafts.reclaimAbandoned()
        return FileManager.default.fileExists(atPath: waiting) && !FileManager.default.fileExists(atPath: claimed)
    }

    @Test func aClaimByThisProcessStays() throws {
        let me = ProcessIdentity.current
        #expect(me.start != nil, "this test runs on Linux, where /proc gives the start time")
        #expect(try !reclaimed(me.name))
        // As claims were named before start times were kept.
        #expect(try !reclaimed("\(getpid())"))
    }

    @Test func aClaimWhoseIdNowBelongsToAnotherProcessWaitsAgain() throws {
        let me = ProcessIdentity.current
        let earlier = ProcessIdentity(pid: me.pid, start: try #require(me.start) - 1)
        #expect(try reclaimed(earlier.name))
    }

    @Test func aClaimByAProcessThatExitedWaitsAgain() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        #expect(try reclaimed("\(child.processIdentifier)"))
        #expect(try reclaimed("\(child.processIdentifier)-12345"))
    }

    @Test func aSuffixThatIsNotAProcessIsLeftAlone() throws {
        for suffix in ["", "x", "12-", "-5", "1-2-3", "0", "99999999999"] {
            #expect(try !reclaimed(suffix), "\(suffix)")
        }
    }

    @Test func theStartTimeIsReadAfterTheLastParenthesisOfTheName() {
        let fields = (3...25).map(String.init).joined(separator: " ")
        #expect(ProcessIdentity.startTime(fromStat: "42 (sscard) \(fields)") == 22)
        #expect(ProcessIdentity.startTime(fromStat: "42 (a) b (c)) \(fields)") == 22)
        #expect(ProcessIdentity.startTime(fromStat: "42 (sscard) 3 4") == nil)
        #expect(ProcessIdentity.startTime(fromStat: "no parenthesis") == nil)
    }
}
