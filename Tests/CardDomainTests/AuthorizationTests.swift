import CardDomain
import Testing

/// Every role against every command, on a retiree's records (孙建国) and his submitted application.
@Suite struct AuthorizationTests {
    static let retiree = DomainFixture.person("孙建国")
    static let number = retiree.documentNumber

    static let actors: [Role: Actor] = [
        .person: Actor(username: number, role: .person, personNumber: number),
        .unitOperator: Actor(username: "shequ-admin", role: .unitOperator, unitNumber: "10000002"),
        .counterClerk: Actor(username: "guitai01", role: .counterClerk, assisting: number),
        .backOffice: Actor(username: "houtai01", role: .backOffice),
        .administrator: DomainFixture.admin,
    ]

    /// The state and the id of 孙建国's application, submitted by himself on the web.
    static func stateWithApplication() -> (CardState, String) {
        var state = DomainFixture.seededState()
        let outcome = state.run(.submitApplication(personNumber: number, form: DomainFixture.form(for: retiree)),
                                by: actors[.person]!, channel: .web)
        guard case .success(let events) = outcome, case .applicationSubmitted(let submitted) = events.first else {
            fatalError("the fixture application was refused: \(outcome)")
        }
        return (state, submitted.applicationID)
    }

    static func commands(application id: String) -> [Command] {
        let account = AccountRecord(username: "x", role: .person, displayName: "x", passwordHash: "$scrypt$...")
        return [
            .recordPerson(retiree),
            .recordUnit(DomainFixture.demo.units[0]),
            .recordAccount(account),
            .viewPerson(personNumber: number),
            .saveDraft(personNumber: number, step: "photos", form: ApplicationForm()),
            .submitApplication(personNumber: number, form: ApplicationForm()),
            .withdrawApplication(applicationID: id),
            .changeStatus(applicationID: id, to: .inProduction),
        ]
    }

    static let allowed: [Role: Set<String>] = [
        .person: ["viewPerson", "saveDraft", "submitApplication", "withdrawApplication"],
        .unitOperator: [],
        .counterClerk: ["viewPerson", "saveDraft", "submitApplication", "withdrawApplication"],
        .backOffice: ["viewPerson", "changeStatus"],
        .administrator: ["recordPerson", "recordUnit", "recordAccount", "viewPerson"],
    ]

    @Test(arguments: Role.allCases)
    func everyCommandForRole(_ role: Role) {
        let (state, id) = Self.stateWithApplication()
        for command in Self.commands(application: id) {
            let refusal = Authorization.refusal(of: command, by: Self.actors[role]!, in: state)
            let expected = Self.allowed[role]!.contains(command.name)
            #expect((refusal == nil) == expected, "\(role.rawValue) \(command.name): \(refusal ?? "allowed")")
        }
    }

    @Test func anotherPersonCannotActOnSomeoneElse() {
        let (state, id) = Self.stateWithApplication()
        let other = Actor(username: "110102196104170268", role: .person, personNumber: "110102196104170268")
        for command in Self.commands(application: id) {
            #expect(Authorization.refusal(of: command, by: other, in: state) != nil, "\(command.name)")
        }
    }

    @Test func aClerkActsOnlyForThePersonTheyAreAssisting() {
        let (state, _) = Self.stateWithApplication()
        let idle = Actor(username: "guitai01", role: .counterClerk)
        let elsewhere = Actor(username: "guitai01", role: .counterClerk, assisting: "110102196104170268")
        let draft = Command.saveDraft(personNumber: Self.number, step: "photos", form: ApplicationForm())
        #expect(Authorization.refusal(of: draft, by: idle, in: state) == "请先查询并核验申请人身份，再为其代办")
        #expect(Authorization.refusal(of: draft, by: elsewhere, in: state) != nil)
        // Looking a person up is how assistance starts; it is allowed and recorded.
        #expect(Authorization.refusal(of: .viewPerson(personNumber: Self.number), by: idle, in: state) == nil)
    }

    @Test func aUnitOperatorSeesOnlyTheirOwnEmployees() {
        let state = DomainFixture.seededState()
        let shequ = Self.actors[.unitOperator]!
        #expect(Authorization.refusal(of: .viewPerson(personNumber: DomainFixture.person("刘洋").documentNumber),
                                      by: shequ, in: state) == nil)
        #expect(Authorization.refusal(of: .viewPerson(personNumber: DomainFixture.person("张伟").documentNumber),
                                      by: shequ, in: state) == "单位经办人只能查看本单位职工的信息")
    }

    @Test func theClerkIsRecordedOnAnAssistedApplicationAndStaffViewsAreJournalled() {
        var state = DomainFixture.seededState()
        let clerk = Self.actors[.counterClerk]!
        #expect(state.run(.viewPerson(personNumber: Self.number), by: clerk) == .success([.personViewed(personNumber: Self.number)]))
        guard case .success = state.run(.submitApplication(personNumber: Self.number, form: DomainFixture.form(for: Self.retiree)),
                                         by: clerk) else { Issue.record("assisted submission refused"); return }
        let application = state.applications(ofPerson: Self.number)[0]
        #expect(application.assistedBy == "guitai01")
        #expect(application.channel == .counter)
        #expect(application.timeline.map(\.role) == [.counterClerk])
        // A person opening their own detail is not a staff view.
        #expect(state.run(.viewPerson(personNumber: Self.number), by: Self.actors[.person]!) == .success([]))
    }
}
