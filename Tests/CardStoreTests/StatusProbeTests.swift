import CardDomain
import CardResources
import CardStore
import Foundation
import Journal
import JournalTestSupport
import SystemPackage
import Testing

/// `sscard status`'s figures and levels (issue 30): each threshold gives its level and a
/// reason in words; the probe reads the index as it stands, without catching it up.
@Suite struct StatusProbeTests {
    let data: DataDirectory
    static let now: Int64 = 1_795_241_100_000_000
    static let lenient = StatusThresholds(backupWarningHours: 24, diskWarningPercent: 101, diskCriticalPercent: 101, indexBehindWarning: 10_000)

    init() throws {
        data = DataDirectory(FilePath(try TemporaryFolder.make("sscard-status")))
        let repository = try CardRepository(data: data, reference: CardRepositoryTests.reference)
        _ = try repository.executeBatch(CardRepositoryTests.demo.units.map { .recordUnit($0) }, by: .system("t"), context: CardRepositoryTests.context)
        repository.close()
        // A start brings the shared index up to the journal, as a clerk's would.
        try CardRepository(data: data, reference: CardRepositoryTests.reference).close()
    }

    func probe(_ thresholds: StatusThresholds = lenient, at now: Int64 = now) -> DeploymentStatus {
        StatusProbe(data: data, thresholds: thresholds).status(now: now, state: nil)
    }

    @Test func withoutABackupItWarnsAndAfterOneItIsOKUntilTheBackupIsOld() throws {
        let never = probe()
        #expect(never.level == .warning && never.reasons.contains { $0.contains("还没有备份过") })
        #expect(never.journal.records == 2 && never.journal.segments == 1 && never.index.behind == 0 && never.index.problem == nil, "\(never)")
        _ = try JournalBackup(data: data, destination: FilePath(data.root.string + "-backup"), version: "t").run(now: Self.now)
        let fresh = probe()
        #expect(fresh.level == .ok && fresh.reasons.isEmpty && fresh.lastBackup?.lastSequence == 2)
        let old = probe(at: Self.now + 25 * 3_600_000_000)
        #expect(old.level == .warning && old.reasons.contains { $0.contains("已超过 24 小时") })
    }

    @Test func theDiskThresholdsGiveWarningThenCritical() throws {
        _ = try JournalBackup(data: data, destination: FilePath(data.root.string + "-backup"), version: "t").run(now: Self.now)
        var thresholds = Self.lenient
        thresholds.diskWarningPercent = 0
        #expect(probe(thresholds).level == .warning && probe(thresholds).reasons.contains { $0.contains("磁盘已用") })
        thresholds.diskCriticalPercent = 0
        #expect(probe(thresholds).level == .critical)
    }

    @Test func needsRecoveryAndADamagedIndexAreCritical() throws {
        try Data("void x 0 1\n".utf8).write(to: URL(fileURLWithPath: data.journal.appending(RecoveryMarker.fileName).string))
        let recovering = probe()
        #expect(recovering.level == .critical && recovering.journal.needsRecovery && recovering.reasons.contains { $0.contains("NEEDS-RECOVERY") })
        try FileManager.default.removeItem(atPath: data.journal.appending(RecoveryMarker.fileName).string)
        let index = data.index.appending("data.mdb").string
        let handle = try #require(FileHandle(forUpdatingAtPath: index))
        try handle.truncate(atOffset: 100)
        try handle.close()
        let damaged = probe()
        #expect(damaged.level == .critical && damaged.index.problem != nil, "\(damaged.reasons)")
    }

    @Test func anIndexFarBehindIsAWarning() throws {
        var thresholds = Self.lenient
        thresholds.indexBehindWarning = 0
        let journal = try Journal(directory: data.journal)
        _ = try journal.append(type: 1, payload: Array("{\"kind\":\"journalExported\",\"data\":{\"scope\":\"t\",\"fromSequence\":1}}".utf8))
        journal.close()
        let behind = probe(thresholds)
        #expect(behind.index.behind == 1 && behind.reasons.contains { $0.contains("落后日志 1 条") })
    }
}
