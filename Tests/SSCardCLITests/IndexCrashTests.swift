import Foundation
import Testing

/// The shared read models under kill -9: a process killed while it moves the person index
/// on (a rebuild, or a seed that catches the index up as it goes) leaves an index that is
/// consistent with a journal position it records, and the next start brings it up.
@Suite(.serialized) struct IndexCrashTests {
    let root: String

    init() throws {
        root = try SSCardProcess.temporaryDirectory()
    }

    /// Starts sscard and kills it with SIGKILL once it has changed the index's file
    /// (polled with a deadline), or when it ends first. True when it was killed.
    func killWhileWritingTheIndex(_ arguments: [String], afterChanges changes: Int) throws -> Bool {
        let process = Process()
        process.executableURL = SSCardProcess.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let index = root + "/index/data.mdb"
        var last = (try? FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date) ?? nil
        try process.run()
        var seen = 0
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            let now = (try? FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date) ?? nil
            if now != last {
                seen += 1
                last = now
                if seen >= changes {
                    kill(process.processIdentifier, SIGKILL)
                    break
                }
            }
            usleep(1_000)
        }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    func verify() throws -> SSCardProcess.Run {
        try SSCardProcess.run(["index", "verify", "--data-dir", root])
    }

    @Test func killedMidRebuildOrMidSeedTheIndexIsConsistentAndTheNextStartCatchesUp() throws {
        let seed = try SSCardProcess.run(["demo", "seed", "--data-dir", root, "--persons", "30000"])
        #expect(seed.status == 0, "\(seed.error)")
        var kills = 0
        for changes in [1, 2, 3] {
            if try killWhileWritingTheIndex(["index", "rebuild", "--data-dir", root], afterChanges: changes) { kills += 1 }
            let check = try verify()
            #expect(check.status == 0, "\(check.output)\(check.error)")
        }
        // A writer killed while it records people and moves the index on after each 2,000.
        if try killWhileWritingTheIndex(["demo", "seed", "--data-dir", root, "--persons", "60000"], afterChanges: 3) { kills += 1 }
        let afterSeed = try verify()
        #expect(afterSeed.status == 0, "\(afterSeed.output)\(afterSeed.error)")
        #expect(kills >= 2, "the processes ended before they could be killed")
        // The next start replays what the index lacks; every person the journal holds is found.
        let again = try SSCardProcess.run(["demo", "seed", "--data-dir", root, "--persons", "60000"])
        #expect(again.status == 0, "\(again.error)")
        let final = try verify()
        #expect(final.status == 0, "\(final.output)\(final.error)")
        #expect(final.output.contains("person index: 60010 persons"), "\(final.output)")
    }
}
