import CardDomain
import CardStore
import JournalTestSupport
import SystemPackage
import Testing

/// Who viewed whom is journalled and read back from the journal, never held in the state.
@Suite struct ViewAuditTests {
    @Test func theViewsOfOnePersonComeBackInOrderAndNoStateHoldsThem() throws {
        let data = DataDirectory(FilePath(try TemporaryFolder.make("sscard-view-audit")))
        let repository = try CardRepository(data: data, reference: CardRepositoryTests.reference)
        defer { repository.close() }
        let people = GeneratedPeople(reference: CardRepositoryTests.reference)
        let watched = people.person(1, units: ["10000001"])
        let other = people.person(2, units: ["10000001"])
        let units = CardRepositoryTests.demo.units.map { Command.recordUnit($0) }
        let recorded = try repository.executeBatch(units + [.recordPerson(watched), .recordPerson(other)], by: .system("seed"),
                                                   context: CardRepositoryTests.context)
        #expect(recorded.allSatisfy { if case .success = $0 { true } else { false } })
        let before = repository.state
        for (clerk, number) in [("guitai01", watched), ("guitai02", other), ("houtai01", watched)] {
            let role: Role = clerk.hasPrefix("guitai") ? .counterClerk : .backOffice
            try repository.execute(.viewPerson(personNumber: number.documentNumber), by: Actor(username: clerk, role: role),
                                   context: CardRepositoryTests.context)
        }
        let views = try ViewAudit(data: data).views(of: watched.documentNumber)
        #expect(views.map(\.viewer) == ["guitai01", "houtai01"])
        #expect(views.map(\.role) == [.counterClerk, .backOffice])
        #expect(views.allSatisfy { $0.terminal == CardRepositoryTests.context.terminal })
        #expect(try ViewAudit(data: data).views(of: other.documentNumber).map(\.viewer) == ["guitai02"])
        #expect(repository.state == before)
        // A replay skips the views by their kind alone and ends in the same state.
        let replayed = try ProjectionLoader<CardProjection>(data: data).load().model.state
        #expect(replayed.withoutShared == before.withoutShared)
        #expect(replayed.applications.count == before.applications.count && replayed.persons.count == before.persons.count)
    }
}
