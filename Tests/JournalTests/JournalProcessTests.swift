import Foundation
import Journal
import SystemPackage
import Testing

/// Real processes: several appending at once, and writers killed with SIGKILL mid-append.
@Suite struct JournalProcessTests {
    func benchArguments(_ fixture: borrowing JournalFixture, events: Int, ackLog: String) -> [String] {
        ["journal", "--workload", "sync-append", "--events", String(events), "--payload-bytes", "40",
         "--data-dir", fixture.directory.removingLastComponent().string, "--segment-mb", "1", "--ack-log", ackLog]
    }

    @Test func concurrentProcessesAppendEveryRecordExactlyOnce() throws {
        let fixture = try JournalFixture()
        let writers = 3
        let perWriter = 400
        let root = fixture.directory.removingLastComponent().string
        let children = try (0..<writers).map { index in
            try ChildProcess.start("sscard-bench", benchArguments(fixture, events: perWriter, ackLog: "\(root)/ack-\(index)"))
        }
        for child in children {
            child.waitUntilExit()
            #expect(child.terminationStatus == 0)
        }
        let total = UInt64(writers * perWriter)
        #expect(try fixture.readAll().map(\.sequence) == Array(1...total))
        let acknowledged = (0..<writers).map { ChildProcess.acknowledged("\(root)/ack-\($0)") }
        #expect(acknowledged.allSatisfy { $0.count == perWriter })
        let all = acknowledged.flatMap { $0 }
        #expect(Set(all).count == all.count, "a sequence number was given to two appends")
        #expect(Set(all) == Set(1...total))
        let report = JournalVerifier(directory: fixture.directory).verify()
        #expect(report.isConsistent)
        #expect(report.records == Int(total))
    }

    @Test(arguments: [50, 400, 1500])
    func writerKilledWhileAppendingLosesNothingAcknowledged(killAfter: Int) throws {
        let fixture = try JournalFixture()
        let ackLog = fixture.directory.removingLastComponent().string + "/ack"
        let child = try ChildProcess.start("sscard-bench", benchArguments(fixture, events: 1_000_000, ackLog: ackLog))
        let reached = try ChildProcess.waitUntil(seconds: 60) { ChildProcess.acknowledged(ackLog).count >= killAfter }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(reached)
        #expect(child.terminationReason == .uncaughtSignal)

        let acknowledged = ChildProcess.acknowledged(ackLog)
        let journal = try fixture.open()
        let records = try fixture.readAll()
        #expect(records.map(\.sequence) == Array(1...journal.lastSequence))
        #expect(acknowledged == Array(1...UInt64(acknowledged.count)))
        #expect(UInt64(acknowledged.count) <= journal.lastSequence, "an acknowledged record was lost")
        let next = journal.nextSequence
        #expect(try journal.append(type: 7, payload: JournalFixture.payload(next)) == next)
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
    }

    @Test func survivingWriterCarriesOnAfterAnotherIsKilled() throws {
        let fixture = try JournalFixture()
        let root = fixture.directory.removingLastComponent().string
        let victim = try ChildProcess.start("sscard-bench", benchArguments(fixture, events: 1_000_000, ackLog: "\(root)/ack-victim"))
        let survivor = try ChildProcess.start("sscard-bench", benchArguments(fixture, events: 1500, ackLog: "\(root)/ack-survivor"))
        let reached = try ChildProcess.waitUntil(seconds: 60) { ChildProcess.acknowledged("\(root)/ack-victim").count >= 300 }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        survivor.waitUntilExit()
        #expect(reached)
        #expect(survivor.terminationStatus == 0)

        let victimAcks = ChildProcess.acknowledged("\(root)/ack-victim")
        let survivorAcks = ChildProcess.acknowledged("\(root)/ack-survivor")
        #expect(survivorAcks.count == 1500)
        #expect(Set(victimAcks).isDisjoint(with: survivorAcks))
        let present = Set(try fixture.readAll().map(\.sequence))
        #expect(Set(victimAcks).isSubset(of: present))
        #expect(Set(survivorAcks).isSubset(of: present))
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
    }
}
