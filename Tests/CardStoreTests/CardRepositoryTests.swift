import CardDomain
import CardResources
import CardStore
import Foundation
import Journal
import JournalTestSupport
import SystemPackage
import Testing

/// The domain over a real journal: replay gives exactly the live state, several writers
/// share one directory, and the import is idempotent.
@Suite struct CardRepositoryTests {
    static let reference = try! CardResources.referenceData()
    static let demo = try! CardResources.demoData()
    static let context = CommandContext(now: 1_795_276_800_000_000, today: CalendarDate(year: 2026, month: 11, day: 21)!,
                                        terminal: "pts/test", channel: .web)
    let root: FilePath

    init() throws {
        let made = try TemporaryFolder.make("sscard-store-test")
        root = FilePath(made)
    }

    func open() throws -> CardRepository {
        try CardRepository(data: DataDirectory(root), reference: Self.reference)
    }

    static let retiree = demo.persons.first { $0.name == "孙建国" }!
    static let person = Actor(username: retiree.documentNumber, role: .person, personNumber: retiree.documentNumber)

    static func form() -> ApplicationForm {
        let photo = PhotoReference(sha256: String(repeating: "c", count: 64), byteCount: 40_000, format: .png,
                                   size: PixelSize(width: 358, height: 441))
        return ApplicationForm(occupation: "80", pickupMethod: .bankMail,
                               mailing: MailingDetails(recipientName: "孙建国", recipientPhone: "13900030001",
                                                       address: retiree.residenceAddress),
                               cardPhoto: photo, idCardFront: photo, idCardBack: photo, consented: true)
    }

    /// Master data, a draft, a submission and back-office moves: one of every kind of change.
    static func runTheWholeStory(on repository: CardRepository) throws {
        let seeder = DemoSeeder(repository: repository, context: Self.context)
        _ = try repository.executeBatch(Self.demo.units.map { .recordUnit($0) } + Self.demo.persons.map { .recordPerson($0) },
                                        by: .system("seed"), context: Self.context)
        _ = try seeder.seedGenerated(count: 50, units: ["10000001"])
        try repository.execute(.saveDraft(personNumber: Self.retiree.documentNumber, step: "photos", form: Self.form()),
                               by: Self.person, context: Self.context)
        try repository.execute(.submitApplication(personNumber: Self.retiree.documentNumber, form: Self.form()),
                               by: Self.person, context: Self.context)
        let office = Actor(username: "houtai01", role: .backOffice)
        try repository.execute(.viewPerson(personNumber: Self.retiree.documentNumber), by: office, context: Self.context)
        try repository.execute(.changeStatus(applicationID: "SB20261121000001", to: .inProduction), by: office, context: Self.context)
    }

    @Test func replayingTheJournalGivesExactlyTheLiveState() throws {
        let live = try open()
        try Self.runTheWholeStory(on: live)
        #expect(live.state.persons.count == 60)
        #expect(live.state.applications["SB20261121000001"]?.status == .inProduction)
        #expect(live.state.draft(of: Self.retiree.documentNumber) == nil)
        let liveState = live.state
        live.close()

        let replayed = try open()
        #expect(!replayed.usedSnapshot)
        #expect(replayed.state == liveState)
        try replayed.saveSnapshot()
        replayed.close()

        let fromSnapshot = try open()
        #expect(fromSnapshot.usedSnapshot)
        #expect(fromSnapshot.replayedAtOpen == 0)
        #expect(fromSnapshot.state == liveState)
    }

    @Test func twoWritersOnOneDirectoryCannotBothSubmitForTheSamePerson() throws {
        let first = try open()
        _ = try first.executeBatch(Self.demo.units.map { .recordUnit($0) } + Self.demo.persons.map { .recordPerson($0) },
                                   by: .system("seed"), context: Self.context)
        let second = try open()
        try first.execute(.submitApplication(personNumber: Self.retiree.documentNumber, form: Self.form()),
                          by: Self.person, context: Self.context)
        // The second writer has not looked since; deciding under the lock catches it up first.
        #expect(throws: CommandRefusal.self) {
            try second.execute(.submitApplication(personNumber: Self.retiree.documentNumber, form: Self.form()),
                               by: Self.person, context: Self.context)
        }
        #expect(second.state.applications.count == 1)
        #expect(second.state == first.state)
    }

    @Test func aDryRunDecidesEverythingAndAppendsNothing() throws {
        let repository = try open()
        let commands: [Command] = Self.demo.units.map { .recordUnit($0) }
        let outcomes = try repository.executeBatch(commands, by: .system("seed"), context: Self.context, dryRun: true)
        #expect(outcomes.allSatisfy { (try? $0.get())?.count == 1 })
        #expect(repository.sequence == 0)
        #expect(repository.state.units.isEmpty)
    }

    @Test func importingTheSameFileTwiceRecordsNothingTheSecondTime() throws {
        let repository = try open()
        _ = try repository.executeBatch(Self.demo.units.map { .recordUnit($0) }, by: .system("seed"), context: Self.context)
        let csv = """
            姓名,证件号码,证件有效期限开始日期,常住所在地地址,常住地所在区,卡预留手机号,人员状态,单位编号,养老金代发银行,养老金代发网点
            孙建国,110105195609090137,2010-05-01,北京市朝阳区劲松八区802号楼,朝阳区,13900030001,退休,,中国工商银行,中国工商银行北京朝阳支行
            张伟,110105198803120313,2015-06-01,北京市朝阳区阜通东大街6号院,朝阳区,13800010001,在职,10000001,,
            孙建国,110105195609090137,2010-05-01,北京市朝阳区劲松八区802号楼,朝阳区,13900030001,退休,,中国工商银行,中国工商银行北京朝阳支行
            郑强,110101197910200554,2005-03-01,短,东城区,,在职,10000009,,
            """
        let table = CSVTable.parse(Array(csv.utf8))!
        let importer = RecordsImporter(repository: repository, actor: .system("import"), context: Self.context)
        let first = try importer.run(table)
        #expect(first.recorded == 2)
        #expect(first.rejectedRows == 2)
        #expect(first.rejections.map(\.line) == [4, 5, 5])
        #expect(first.rejections[0].field == "证件号码")
        #expect(first.rejections[0].reason == "与第 2 行重复")
        #expect(first.rejections.filter { $0.line == 5 }.map(\.field) == ["常住所在地地址", "单位编号"])
        let sequenceAfterFirst = repository.sequence
        let second = try importer.run(table)
        #expect(second.recorded == 0)
        #expect(second.unchanged == 2)
        #expect(repository.sequence == sequenceAfterFirst)
    }
}

/// A failing disk under the repository: nothing unacknowledged is ever shown as done.
@Suite struct CardRepositoryFaultTests {
    @Test func aFailedSyncIsVoidedAndTheRetryGoesThroughOnce() throws {
        let made = try TemporaryFolder.make("sscard-store-fault")
        let io = FaultyFileIO()
        let data = DataDirectory(FilePath(made))
        let repository = try CardRepository(data: data, reference: CardRepositoryTests.reference, io: io)
        let units = CardRepositoryTests.demo.units
        try repository.execute(.recordUnit(units[0]), by: .system("seed"), context: CardRepositoryTests.context)
        io.inject(.syncData, .fail(.ioError))
        #expect(throws: JournalError.self) {
            try repository.execute(.recordUnit(units[1]), by: .system("seed"), context: CardRepositoryTests.context)
        }
        #expect(io.firedCount == 1)
        // The second unit was not acknowledged, so the state does not show it.
        #expect(repository.state.units.keys.sorted() == ["10000001"])
        // The failed writer voided the record, so no reader sees it, and the repository
        // reopened its journal: the clerk's retry goes through, once.
        var seen = 0
        try JournalReader(directory: data.journal).forEach { _, _, _, _ in seen += 1 }
        #expect(seen == 1)
        try repository.execute(.recordUnit(units[1]), by: .system("seed"), context: CardRepositoryTests.context)
        #expect(repository.state.units.count == 2)
        repository.close()
        let reopened = try CardRepository(data: data, reference: CardRepositoryTests.reference)
        #expect(reopened.state.units.count == 2)
    }
}
