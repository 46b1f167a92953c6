import CLMDB
import CardDomain
@testable import CardStore
import JournalTestSupport
import SystemPackage
import Testing

/// An entry missing from a listing is caught by its count: a damaged branch page or page
/// header hides entries whose own checksums are whole, and a listing short of them is damage.
@Suite struct ListingCountTests {
    let suite: ApplicationIndexTests

    init() throws { suite = try ApplicationIndexTests() }

    /// The story's index with one entry of `table` removed behind its count's back.
    func indexMissingAnEntry(of table: KeyPath<LMDBEnvironment.Tables, MDB_dbi>, prefix: [UInt8]) throws -> CardRepository {
        let repository = try suite.open(settlingEvery: 1)
        try suite.story(repository)
        let environment = repository.sharedIndex.environment
        try environment.write { transaction in
            var victim: [UInt8]?
            try transaction.scan(environment.tables[keyPath: table], from: prefix) { key, _ in
                if key.starts(with: prefix) { victim = Array(key) }
                return false
            }
            try transaction.delete(environment.tables[keyPath: table], try #require(victim))
        }
        return repository
    }

    /// What `index verify` finds: its differences, or the damage that stopped it.
    func verifyFindings() throws -> [String] {
        do {
            return try ReadModelVerifier(data: suite.data).verify().differences
        } catch let damage as IndexDamage {
            return [damage.description]
        }
    }

    @Test func aUnitMissingAMemberIsDamageAndVerifyNamesTheUnit() throws {
        let repository = try indexMissingAnEntry(of: \.units, prefix: Array("10000002".utf8) + [0])
        defer { repository.close() }
        _ = repository.sharedIndex.members(ofUnit: "10000002", after: nil, limit: .max)
        #expect(repository.sharedIndex.damage?.reason.contains("count") == true)
        // A page of the listing is not a whole one, and is not checked against the count.
        repository.sharedIndex.use(repository.sharedIndex.environment)
        #expect(repository.sharedIndex.members(ofUnit: "10000002", after: nil, limit: 1).count == 1)
        #expect(repository.sharedIndex.damage == nil)
        let differences = try verifyFindings()
        #expect(differences.contains { $0.contains("not in the unit index of 10000002") }, "\(differences)")
    }

    @Test func aUnitMissingAnApplicationIsDamageAndVerifyNamesIt() throws {
        let repository = try indexMissingAnEntry(of: \.applicationsByUnit, prefix: Array("10000002".utf8) + [0])
        defer { repository.close() }
        #expect(repository.sharedIndex.briefs(ofUnit: "10000002", in: nil).isEmpty)
        #expect(repository.sharedIndex.damage?.reason.contains("count") == true)
        let differences = try verifyFindings()
        #expect(differences.contains { $0.contains("unit 10000002's applications are 2 entries, its count 3") }, "\(differences)")
    }

    @Test func aPersonMissingAnApplicationIsDamage() throws {
        let retiree = CardRepositoryTests.retiree.documentNumber
        let repository = try indexMissingAnEntry(of: \.applicationsByPerson, prefix: Array(retiree.utf8) + [0])
        defer { repository.close() }
        #expect(repository.sharedIndex.applicationIDs(ofPerson: retiree).isEmpty)
        #expect(repository.sharedIndex.damage?.reason.contains("count") == true)
        let differences = try verifyFindings()
        #expect(differences.contains { $0.contains("a listing holds 0 entries, its count 1") }, "\(differences)")
    }

    @Test func aStatusListingMissingAnEntryIsDamage() throws {
        let repository = try indexMissingAnEntry(of: \.applicationsByStatus, prefix: Array(ApplicationStatus.submitted.rawValue.utf8) + [0])
        defer { repository.close() }
        _ = repository.sharedIndex.briefs(in: .submitted, after: nil, limit: 100)
        #expect(repository.sharedIndex.damage?.reason.contains("count") == true)
    }

    @Test func verifyNamesACountThatIsNotTheJournals() throws {
        let repository = try suite.open(settlingEvery: 1)
        defer { repository.close() }
        try suite.story(repository)
        let environment = repository.sharedIndex.environment
        try environment.write { transaction in
            try ListingCount.members(ofUnit: "10000002").add(1, in: transaction, environment.tables.meta)
            try ListingCount.applications(ofUnit: "10000002", in: .submitted).add(1, in: transaction, environment.tables.meta)
            try ListingCount.applications(ofPerson: "110101199001011237").add(2, in: transaction, environment.tables.meta)
        }
        let differences = try verifyFindings()
        #expect(differences.contains { $0 == "unit 10000002: the index counts 4 members, the journal 3" }, "\(differences)")
        #expect(differences.contains { $0.contains("unit applications of 10000002 已提交: the index counts") }, "\(differences)")
        #expect(differences.contains { $0.contains("person applications of 110101********1237: the index counts 2, the journal 0") },
                "\(differences)")
    }

    /// A member whose own record the index does not find (a damaged branch page sends the
    /// look-up to the wrong leaf, where the neighbours check) is damage, not a shorter list.
    @Test func aUnitMemberWhoseRecordIsMissingIsDamage() throws {
        let repository = try suite.open(settlingEvery: 1)
        defer { repository.close() }
        try suite.story(repository)
        let index = repository.sharedIndex
        let members = index.members(ofUnit: "10000002", after: nil, limit: .max)
        #expect(members.count > 1)
        #expect(index.persons(ofUnit: "10000002", after: nil, limit: .max) == index.persons(members).map { $0! })
        #expect(repository.state.persons.persons(ofUnit: "10000002", limit: .max).map(\.documentNumber) == members)
        let environment = index.environment
        try environment.write { try $0.delete(environment.tables.persons, Array(members[1].utf8)) }
        // What was read is never served: the damage is noted, and the index repaired first.
        #expect(!index.persons(ofUnit: "10000002", after: nil, limit: .max).contains { $0.documentNumber == members[1] })
        #expect(index.damage?.reason == "a unit's listing names a person the index does not hold")
    }
}
