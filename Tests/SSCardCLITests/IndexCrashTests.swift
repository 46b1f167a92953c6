import CardDomain
import CardResources
import CardStore
import Foundation
import SystemPackage
import Testing

/// The shared read models under kill -9: a process killed while it moves the index of
/// persons and applications on (a rebuild, or a start that catches the index up as it goes)
/// leaves an index that is consistent with a journal position it records, and the next
/// start brings it up.
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

    /// Runs `index verify` and expects it to find the read models consistent.
    @discardableResult
    func expectConsistent(sourceLocation: SourceLocation = #_sourceLocation) throws -> SSCardProcess.Run {
        let check = try SSCardProcess.run(["index", "verify", "--data-dir", root])
        #expect(check.status == 0, "\(check.output)\(check.error)", sourceLocation: sourceLocation)
        return check
    }

    /// Runs `sscard demo seed --persons N` to its end and expects it to succeed.
    func expectSeeded(_ persons: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let seed = try SSCardProcess.run(["demo", "seed", "--data-dir", root, "--persons", "\(persons)"])
        #expect(seed.status == 0, "\(seed.error)", sourceLocation: sourceLocation)
    }

    @Test func killedMidRebuildOrMidSeedTheIndexIsConsistentAndTheNextStartCatchesUp() throws {
        try expectSeeded(30_000)
        var kills = 0
        for changes in [1, 2, 3] {
            if try killWhileWritingTheIndex(["index", "rebuild", "--data-dir", root], afterChanges: changes) { kills += 1 }
            try expectConsistent()
        }
        // A writer killed while it records people and moves the index on after each 2,000.
        if try killWhileWritingTheIndex(["demo", "seed", "--data-dir", root, "--persons", "60000"], afterChanges: 3) { kills += 1 }
        try expectConsistent()
        #expect(kills >= 2, "the processes ended before they could be killed")
        // The next start replays what the index lacks; every person the journal holds is found.
        try expectSeeded(60_000)
        let final = try expectConsistent()
        #expect(final.output.contains("person index: 60010 persons"), "\(final.output)")
    }

    /// `count` employees of 社区卫生服务中心 confirm, each in their own command, and the unit
    /// submits the first half: applications in both statuses, written by this process.
    func addApplications(_ count: Int) throws {
        let context = CommandContext(now: 1_795_241_100_000_000, today: CalendarDate(year: 2026, month: 11, day: 21)!,
                                     terminal: "pts/test", channel: .jingtong)
        let repository = try CardRepository(data: DataDirectory(FilePath(root)), reference: try CardResources.referenceData())
        defer { repository.close() }
        _ = try DemoSeeder(repository: repository, context: context).seedEmployees(count: count, unit: "10000002")
        let photo = PhotoReference(sha256: String(repeating: "c", count: 64), byteCount: 40_000, format: .png,
                                   size: PixelSize(width: 358, height: 441))
        let people = repository.state.persons.persons(repository.state.persons.members(ofUnit: "10000002", limit: .max))
            .filter { $0.status == .employed && !$0.validity.isExpired(on: context.today) }
        for person in people {
            let form = ApplicationForm(validityStart: person.validityStart, ethnicGroup: "01", occupation: "17",
                                       residenceDistrict: person.residenceDistrict, residenceAddress: person.residenceAddress,
                                       mobile: person.mobile, bank: "北京银行", branch: "北京银行朝阳支行", pickupMethod: .unitCollects,
                                       cardPhoto: photo, idCardFront: photo, idCardBack: photo, consented: true)
            try repository.execute(.confirmEmployeeData(personNumber: person.documentNumber, form: form),
                                   by: Actor(username: person.documentNumber, role: .person, personNumber: person.documentNumber),
                                   context: context)
        }
        let confirmed = repository.state.applications(ofUnit: "10000002", in: .confirmed)
        let items = confirmed.prefix(confirmed.count / 2).map { SubmissionItem(applicationID: $0.id, confirmedAt: CardState.confirmedAt($0)!) }
        try repository.execute(.submitEmployees(unitNumber: "10000002", items: Array(items)),
                               by: Actor(username: "shequ-admin", role: .unitOperator, unitNumber: "10000002"), context: context)
    }

    @Test func killedWhileCatchingUpApplicationsTheIndexIsConsistentAndTheNextStartCatchesUp() throws {
        try expectSeeded(20_000)
        try addApplications(1_500)
        let before = try expectConsistent()
        let held = try #require(before.output.split(separator: "\n").first { $0.hasPrefix("application index:") })
        // Without an index, a start catches up from the journal, committing every 20,000 records.
        try FileManager.default.removeItem(atPath: root + "/index")
        var kills = 0
        for changes in [1, 2] {
            if try killWhileWritingTheIndex(["demo", "seed", "--data-dir", root, "--persons", "20000"], afterChanges: changes) { kills += 1 }
            try expectConsistent()
        }
        #expect(kills >= 1, "the processes ended before they could be killed")
        try expectSeeded(20_000)
        let final = try expectConsistent()
        #expect(final.output.contains(held), "\(final.output)")
        #expect(!held.hasSuffix(" 0 applications"))
    }
}
