import CardDomain
@testable import CardStore
import Journal
import JournalTestSupport
import SystemPackage
import Testing

/// Applications and drafts in the shared index, with a process's recent changes on top:
/// every question asked of them is answered as a replay held wholly in memory answers it.
@Suite struct ApplicationIndexTests {
    typealias Unit = UnitSubmissionTests
    let data: DataDirectory

    init() throws {
        data = DataDirectory(FilePath(try TemporaryFolder.make("sscard-application-index")))
    }

    func open(settlingEvery limit: Int = RepositoryUpkeep.interactive.unsettledPersonLimit) throws -> CardRepository {
        let repository = try CardRepository(data: data, reference: Unit.reference)
        repository.upkeep = RepositoryUpkeep(unsettledPersonLimit: limit, snapshotInterval: 1_000_000)
        return repository
    }

    /// The whole journal replayed in memory, without the index or a snapshot.
    func replay() throws -> CardState {
        var projection = CardProjection()
        try JournalReader(directory: data.journal).forEach { sequence, type, timestamp, payload in
            try projection.apply(sequence: sequence, type: type, timestamp: timestamp, payload: payload)
        }
        return projection.state
    }

    /// Units, persons, three employees confirmed and two of them submitted, one moved on by
    /// back office, a retiree's draft and submission, and another retiree's draft left open.
    func story(_ repository: CardRepository) throws {
        let confirmed = try UnitSubmissionTests().seeded(repository)
        try repository.execute(.submitEmployees(unitNumber: "10000002", items: Unit.items(Array(confirmed.prefix(2)))),
                               by: Unit.unitOperator, context: Unit.context)
        let retiree = CardRepositoryTests.retiree
        try repository.execute(.saveDraft(personNumber: retiree.documentNumber, step: "photos", form: CardRepositoryTests.form()),
                               by: CardRepositoryTests.person, context: CardRepositoryTests.context)
        try repository.execute(.submitApplication(personNumber: retiree.documentNumber, form: CardRepositoryTests.form()),
                               by: CardRepositoryTests.person, context: CardRepositoryTests.context)
        let office = Actor(username: "houtai01", role: .backOffice)
        try repository.execute(.changeStatus(applicationID: confirmed[0].id, to: .inProduction), by: office, context: Unit.context)
        let other = Unit.demo.persons.first { $0.unitNumber == nil && $0.documentNumber != retiree.documentNumber }!
        try repository.execute(.saveDraft(personNumber: other.documentNumber, step: "info", form: CardRepositoryTests.form()),
                               by: Actor(username: other.documentNumber, role: .person, personNumber: other.documentNumber),
                               context: CardRepositoryTests.context)
    }

    /// Every question the screens and decisions ask, asked of both states. The lists are
    /// compared in full, and as id, status and timeline length, which is what a failure shows.
    func expectSameAnswers(_ state: CardState, _ expected: CardState) {
        func same(_ lhs: [Application], _ rhs: [Application]) {
            #expect(Self.summary(lhs) == Self.summary(rhs))
            #expect(lhs.elementsEqual(rhs))
        }
        #expect(state.applications.count == expected.applications.count)
        for person in Unit.demo.persons.map(\.documentNumber) {
            same(state.applications(ofPerson: person), expected.applications(ofPerson: person))
            #expect(state.draft(of: person)?.step == expected.draft(of: person)?.step)
            #expect((state.draft(of: person) == expected.draft(of: person)))
        }
        for status in ApplicationStatus.allCases {
            same(state.applications(in: status), expected.applications(in: status))
            same(state.applications(in: status, limit: 1), expected.applications(in: status, limit: 1))
            #expect(state.applicationCount(in: status) == expected.applicationCount(in: status))
            same(state.applications(ofUnit: "10000002", in: status), expected.applications(ofUnit: "10000002", in: status))
            #expect(state.applications.briefs(ofUnit: "10000002", in: status) == expected.applications.briefs(ofUnit: "10000002", in: status))
            #expect(state.applications.briefs(in: status, limit: 2) == expected.applications.briefs(in: status, limit: 2))
        }
        #expect(state.applications.briefs(ofUnit: "10000002") == expected.applications.briefs(ofUnit: "10000002"))
        #expect(state.applications.statusCounts().filter { $0.value != 0 } == expected.applications.statusCounts().filter { $0.value != 0 })
        same(state.applications(ofUnit: "10000002"), expected.applications(ofUnit: "10000002"))
    }

    static func summary(_ applications: [Application]) -> [String] {
        applications.map { "\($0.id) \($0.status.rawValue) \($0.timeline.count)" }
    }

    @Test(arguments: [1, 3, 1_000])
    func theIndexWithChangesOnTopAnswersAsAReplayInMemory(settlingEvery limit: Int) throws {
        let repository = try open(settlingEvery: limit)
        defer { repository.close() }
        try story(repository)
        let replayed = try replay()
        #expect(replayed.applications.count == 4)
        if limit < 1_000 { #expect(repository.sharedIndex.census([]).total > 0) }
        expectSameAnswers(repository.state, replayed)
        #expect(try ReadModelVerifier(data: data).verify().differences.isEmpty)
    }

    @Test func anotherProcessCatchesTheIndexUpFromTheJournalAndBothAgree() throws {
        let first = try open()
        defer { first.close() }
        try story(first)
        // The second process starts over the journal: its index catch-up applies every event.
        let second = try open()
        defer { second.close() }
        #expect(second.sharedIndex.census([]).total == 4)
        #expect(second.state.applications.changes.isEmpty)
        let id = first.state.applications(in: .submitted)[0].id
        try second.execute(.changeStatus(applicationID: id, to: .inProduction), by: Actor(username: "houtai02", role: .backOffice),
                           context: Unit.context)
        try first.refresh()
        // The first holds its own story and the move on top of an index that holds all of it.
        let replayed = try replay()
        expectSameAnswers(first.state, replayed)
        expectSameAnswers(second.state, replayed)
        try first.saveSnapshot()
        #expect(try ReadModelVerifier(data: data).verify().differences.isEmpty)
    }

    /// Another process moves the index past changes this one has not read yet: the change
    /// to an application held only in the index is not applied twice, and the change to
    /// one this process holds is applied to its own version.
    @Test func anEventTheIndexAppliedBeforeThisProcessReadItIsNotAppliedTwice() throws {
        let first = try open()
        defer { first.close() }
        try story(first)
        try first.saveSnapshot()
        let office = Actor(username: "houtai01", role: .backOffice)
        let submitted = first.state.applications(in: .submitted).map(\.id)
        try first.execute(.changeStatus(applicationID: submitted[1], to: .inProduction), by: office, context: Unit.context)
        #expect(first.state.applications.changes.keys.sorted() == [submitted[1]])
        let second = try open()
        defer { second.close() }
        try second.execute(.changeStatus(applicationID: submitted[0], to: .inProduction), by: office, context: Unit.context)
        try second.execute(.changeStatus(applicationID: submitted[1], to: .produced), by: office, context: Unit.context)
        try second.saveSnapshot()
        #expect(second.sharedIndex.position == second.sequence)
        try first.refresh()
        let replayed = try replay()
        #expect(first.state.applications[submitted[0]]?.timeline.map(\.status) == replayed.applications[submitted[0]]?.timeline.map(\.status))
        #expect(first.state.applications[submitted[1]]?.status == .produced)
        expectSameAnswers(first.state, replayed)
    }

    @Test func aSnapshotHoldsNoApplicationsAndTheNextStartReadsThemFromTheIndex() throws {
        let first = try open()
        try story(first)
        try first.saveSnapshot()
        let expected = first.state
        first.close()
        let reopened = try open()
        defer { reopened.close() }
        #expect(reopened.usedSnapshot && reopened.replayedAtOpen == 0)
        #expect(reopened.state.applications.isSettled)
        expectSameAnswers(reopened.state, expected)
    }

    @Test func aBriefComesBackAsItWentInAndDamagedBytesAreNoBrief() throws {
        let repository = try open()
        defer { repository.close() }
        try story(repository)
        for brief in repository.state.applications.briefs(ofUnit: "10000002") + repository.state.applications.briefs(in: .submitted, limit: 10) {
            let bytes = ApplicationBriefCodec.encode(brief)
            #expect(bytes.withUnsafeBytes(ApplicationBriefCodec.decode) == brief)
            for cut in 0..<bytes.count { #expect(Array(bytes[..<cut]).withUnsafeBytes(ApplicationBriefCodec.decode) == nil) }
            #expect((bytes + [0]).withUnsafeBytes(ApplicationBriefCodec.decode) == nil)
        }
        #expect([UInt8]().withUnsafeBytes(ApplicationBriefCodec.decode) == nil)
    }

    @Test func verifyNamesAnApplicationTheIndexHoldsWrongly() throws {
        let repository = try open(settlingEvery: 1)
        defer { repository.close() }
        try story(repository)
        var wrong = try #require(repository.state.applications(in: .submitted).first)
        wrong.status = .collected
        let tables = ApplicationTables(tables: repository.sharedIndex.environment.tables)
        try repository.sharedIndex.environment.write { try tables.store(wrong, in: $0) }
        let differences = try ReadModelVerifier(data: data).verify().differences
        #expect(differences.contains { $0.contains(wrong.id) && $0.contains("another record") })
        #expect(differences.contains { $0.contains("「已领卡」") })
    }
}
