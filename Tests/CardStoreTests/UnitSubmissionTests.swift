import CardDomain
import CardResources
import CardStore
import Foundation
import JournalTestSupport
import SystemPackage
import Testing

/// D16 over a real journal: a unit's submission is one append with one sync, and an
/// employee who changed after the operator's list was drawn (in another process) is
/// skipped and named.
@Suite struct UnitSubmissionTests {
    static let reference = try! CardResources.referenceData()
    static let demo = try! CardResources.demoData()
    static let context = CommandContext(now: 1_795_276_800_000_000, today: CalendarDate(year: 2026, month: 11, day: 21)!,
                                        terminal: "pts/test", channel: .jingtong)
    static let unitOperator = Actor(username: "shequ-admin", role: .unitOperator, unitNumber: "10000002")
    let root: FilePath

    init() throws {
        let made = try TemporaryFolder.make("sscard-unit-test")
        root = FilePath(made)
    }

    static func person(_ name: String) -> PersonRecord { demo.persons.first { $0.name == name }! }

    static func form(for person: PersonRecord) -> ApplicationForm {
        let photo = PhotoReference(sha256: String(repeating: "c", count: 64), byteCount: 40_000, format: .png,
                                   size: PixelSize(width: 358, height: 441))
        return ApplicationForm(validityStart: person.validityStart, ethnicGroup: "01", occupation: "17",
                               residenceDistrict: person.residenceDistrict, residenceAddress: person.residenceAddress,
                               mobile: person.mobile, bank: "北京银行", branch: "北京银行朝阳支行", pickupMethod: .unitCollects,
                               cardPhoto: photo, idCardFront: photo, idCardBack: photo, consented: true)
    }

    /// The demo units and persons, and 刘洋, 陈杰 and 赵敏 confirmed.
    func seeded(_ repository: CardRepository) throws -> [Application] {
        _ = try repository.executeBatch(Self.demo.units.map { .recordUnit($0) } + Self.demo.persons.map { .recordPerson($0) },
                                        by: .system("seed"), context: Self.context)
        for name in ["刘洋", "陈杰", "赵敏"] {
            let person = Self.person(name)
            try repository.execute(.confirmEmployeeData(personNumber: person.documentNumber, form: Self.form(for: person)),
                                   by: Actor(username: person.documentNumber, role: .person, personNumber: person.documentNumber),
                                   context: Self.context)
        }
        return repository.state.applications(ofUnit: "10000002")
    }

    static func items(_ applications: [Application]) -> [SubmissionItem] {
        applications.map { SubmissionItem(applicationID: $0.id, confirmedAt: CardState.confirmedAt($0)!) }
    }

    @Test func aBatchIsOneSyncAndMovesEveryoneToSubmittedByTheOperator() throws {
        let io = FaultyFileIO()
        let repository = try CardRepository(data: DataDirectory(root), reference: Self.reference, io: io)
        defer { repository.close() }
        let drawn = try seeded(repository)
        let before = io.syncCount
        let events = try repository.execute(.submitEmployees(unitNumber: "10000002", items: Self.items(drawn)),
                                            by: Self.unitOperator, context: Self.context)
        #expect(io.syncCount - before == 1)
        #expect(events.count == 4)
        for application in repository.state.applications(ofUnit: "10000002") {
            #expect(application.status == .submitted)
            #expect(application.timeline.last?.actor == "shequ-admin" && application.timeline.last?.role == .unitOperator)
        }
    }

    @Test func anEmployeeWhoChangedInAnotherProcessIsSkippedAndNamed() throws {
        let operatorSide = try CardRepository(data: DataDirectory(root), reference: Self.reference)
        defer { operatorSide.close() }
        let drawn = try seeded(operatorSide)
        // Meanwhile 陈杰 changes his confirmation in another process, a minute later.
        let employeeSide = try CardRepository(data: DataDirectory(root), reference: Self.reference)
        defer { employeeSide.close() }
        let chen = Self.person("陈杰")
        var later = Self.context
        later.now += 60_000_000
        try employeeSide.execute(.confirmEmployeeData(personNumber: chen.documentNumber, form: Self.form(for: chen)),
                                 by: Actor(username: chen.documentNumber, role: .person, personNumber: chen.documentNumber),
                                 context: later)
        let events = try operatorSide.execute(.submitEmployees(unitNumber: "10000002", items: Self.items(drawn)),
                                              by: Self.unitOperator, context: later)
        guard case .employeesSubmitted(let summary)? = events.first else { Issue.record("no summary: \(events)"); return }
        #expect(summary.submitted.count == 2)
        let chenApplication = try #require(operatorSide.state.applications(ofPerson: chen.documentNumber).first)
        #expect(summary.skipped == [.init(applicationID: chenApplication.id, reason: "列表显示后职工修改了确认信息，请刷新后核对再提交")])
        #expect(chenApplication.status == .confirmed)
    }
}
