import Foundation
@testable import CardDomain
import Testing

/// The unit's collective application and the employee's confirmation in the domain
/// (D5, D13–D17): who may, what is checked, and what a change of the unit's setting does.
@Suite struct CollectiveApplicationTests {
    static let xingheOperator = Actor(username: "xinghe-admin", role: .unitOperator, unitNumber: "10000001")
    static let shequOperator = Actor(username: "shequ-admin", role: .unitOperator, unitNumber: "10000002")

    static let xinghe = UnitRecord.CollectiveSettings(
        address: "北京市朝阳区望京街道阜通东大街1号", operatorName: "周明", operatorDocumentNumber: "110105198207150524",
        operatorMobile: "13800010009", opened: true, unitCollects: false, bank: "北京银行", branch: "北京银行朝阳支行")

    static func actor(_ person: PersonRecord) -> Actor {
        Actor(username: person.documentNumber, role: .person, personNumber: person.documentNumber)
    }

    /// A complete confirmation for an employee of a unit with `settings`.
    static func form(for person: PersonRecord, pickup: PickupMethod, branch: String = "北京银行朝阳支行") -> ApplicationForm {
        var form = DomainFixture.form(for: person, pickup: pickup)
        form.occupation = "11"
        form.bank = "北京银行"
        form.branch = branch
        return form
    }

    @Test func onlyTheUnitsOwnOperatorMaySetItAndEveryProblemIsNamed() {
        var state = DomainFixture.seededState()
        let other = state.run(.saveCollectiveSettings(unitNumber: "10000001", settings: Self.xinghe), by: Self.shequOperator)
        guard case .failure(.notAllowed) = other else { Issue.record("another unit's operator was allowed: \(other)"); return }
        var wrong = Self.xinghe
        wrong.operatorMobile = "1380001"
        wrong.operatorDocumentNumber = "110105198207150525"
        wrong.branch = "中国工商银行北京朝阳支行"
        guard case .failure(.invalid(let problems)) = state.run(.saveCollectiveSettings(unitNumber: "10000001", settings: wrong),
                                                                by: Self.xingheOperator) else {
            Issue.record("a wrong form was saved")
            return
        }
        #expect(Set(problems.map(\.field)) == ["经办人手机号码", "经办人证件号码", "办卡网点"])
        #expect(state.units["10000001"]?.collective == nil)
        guard case .success(let events) = state.run(.saveCollectiveSettings(unitNumber: "10000001", settings: Self.xinghe),
                                                    by: Self.xingheOperator) else { Issue.record("refused"); return }
        #expect(events.map(\.kind) == ["collectiveSettingsSaved"])
        #expect(state.units["10000001"]?.collective == Self.xinghe)
    }

    @Test func employeesAreRefusedWithTheirOwnReason() {
        var state = DomainFixture.seededState()
        func refusal(_ name: String) -> String {
            let person = DomainFixture.person(name)
            let outcome = state.run(.confirmEmployeeData(personNumber: person.documentNumber, form: Self.form(for: person, pickup: .unitCollects)),
                                    by: Self.actor(person), channel: .web)
            guard case .failure(.refused(let message)) = outcome else { return "not refused: \(outcome)" }
            return message
        }
        #expect(refusal("张伟").contains("尚未开通集体申请"))
        #expect(refusal("孙建国").contains("退休人员请通过「本人申领」"))
        var holder = DomainFixture.person("赵敏")
        holder.holdsThirdGenerationCard = true
        state.run(.recordPerson(holder), by: DomainFixture.admin)
        #expect(refusal("赵敏").contains("已持有第三代社会保障卡"))
    }

    @Test func aConfirmationFollowsTheUnitsTermsAndMayBeChangedUntilSubmitted() throws {
        var state = DomainFixture.seededState()
        let liu = DomainFixture.person("刘洋")
        // 单位代领 is the only method the unit allows (BR-PICK-1).
        let mailed = state.run(.confirmEmployeeData(personNumber: liu.documentNumber, form: Self.form(for: liu, pickup: .bankMail)),
                               by: Self.actor(liu), channel: .web)
        guard case .failure(.invalid(let problems)) = mailed else { Issue.record("mail accepted: \(mailed)"); return }
        #expect(problems.map(\.message) == ["请选择单位代领"])
        // The web keeps the unit's branch (D6).
        let branch = state.run(.confirmEmployeeData(personNumber: liu.documentNumber,
                                                    form: Self.form(for: liu, pickup: .unitCollects, branch: "北京银行西城支行")),
                               by: Self.actor(liu), channel: .web)
        guard case .failure(.invalid) = branch else { Issue.record("another branch accepted on the web"); return }
        state.run(.confirmEmployeeData(personNumber: liu.documentNumber, form: Self.form(for: liu, pickup: .unitCollects)),
                  by: Self.actor(liu), channel: .web)
        let first = try #require(state.applications(ofPerson: liu.documentNumber).first)
        #expect(first.kind == .unit && first.status == .confirmed && first.form.mailing == nil)
        // 京通 may take another branch of the same bank; the change is the same application (D14).
        state.run(.confirmEmployeeData(personNumber: liu.documentNumber,
                                       form: Self.form(for: liu, pickup: .unitCollects, branch: "北京银行西城支行")),
                  by: Self.actor(liu), channel: .jingtong)
        let changed = try #require(state.applications(ofPerson: liu.documentNumber).first)
        #expect(state.applications(ofPerson: liu.documentNumber).count == 1)
        #expect(changed.id == first.id && changed.form.branch == "北京银行西城支行")
        // Drafts stay allowed while the confirmation may still change.
        guard case .success = state.run(.saveDraft(personNumber: liu.documentNumber, step: "echo", form: changed.form),
                                        by: Self.actor(liu), channel: .jingtong) else { Issue.record("draft refused"); return }
        state.run(.changeStatus(applicationID: first.id, to: .submitted), by: Self.shequOperator, channel: .web)
        let late = state.run(.confirmEmployeeData(personNumber: liu.documentNumber, form: Self.form(for: liu, pickup: .unitCollects)),
                             by: Self.actor(liu), channel: .web)
        guard case .failure(.refused(let message)) = late else { Issue.record("changed after submission"); return }
        #expect(message.contains("单位已提交您的申请"))
    }

    @Test func aChangeThatTakesAwayTheirPickupSendsOnlyThoseEmployeesBack() throws {
        var state = DomainFixture.seededState()
        var open = Self.xinghe
        state.run(.saveCollectiveSettings(unitNumber: "10000001", settings: open), by: Self.xingheOperator)
        let zhang = DomainFixture.person("张伟")
        let li = DomainFixture.person("李娜")
        state.run(.confirmEmployeeData(personNumber: zhang.documentNumber, form: Self.form(for: zhang, pickup: .bankMail)),
                  by: Self.actor(zhang), channel: .web)
        state.run(.confirmEmployeeData(personNumber: li.documentNumber, form: Self.form(for: li, pickup: .branchPickup)),
                  by: Self.actor(li), channel: .web)
        #expect(state.applications(ofUnit: "10000001").map(\.status) == [.confirmed, .confirmed])
        // Only the branch changes: nobody's pickup or bank is taken away.
        open.branch = "北京银行西城支行"
        #expect(state.employeesSentBack(byNew: open, of: "10000001").isEmpty)
        open.unitCollects = true
        #expect(state.employeesSentBack(byNew: open, of: "10000001").count == 2)
        guard case .success(let events) = state.run(.saveCollectiveSettings(unitNumber: "10000001", settings: open),
                                                    by: Self.xingheOperator) else { Issue.record("refused"); return }
        #expect(events.map(\.kind) == ["collectiveSettingsSaved", "statusChanged", "statusChanged"])
        for application in state.applications(ofUnit: "10000001") {
            #expect(application.status == .awaitingConfirmation)
            #expect(application.timeline.last?.reason == CardState.unitChangedReason)
        }
        // Closing keeps what was confirmed and refuses new confirmations (D15).
        open.opened = false
        state.run(.saveCollectiveSettings(unitNumber: "10000001", settings: open), by: Self.xingheOperator)
        let closed = state.run(.confirmEmployeeData(personNumber: zhang.documentNumber, form: Self.form(for: zhang, pickup: .unitCollects)),
                               by: Self.actor(zhang), channel: .web)
        guard case .failure(.refused(let message)) = closed else { Issue.record("confirmed while closed"); return }
        #expect(message.contains("已暂停集体申请"))
    }

    @Test func theNewEventsSurviveTheJournalsEncoding() throws {
        let events: [DomainEvent] = [
            .collectiveSettingsSaved(.init(unitNumber: "10000001", settings: Self.xinghe)),
            .employeeConfirmed(.init(applicationID: "SB20261121000001", personNumber: "110105198803120313", unitNumber: "10000001",
                                     form: Self.form(for: DomainFixture.person("张伟"), pickup: .bankMail))),
        ]
        for event in events {
            let envelope = EventEnvelope(actor: "a", role: .person, at: 1, terminal: "t", channel: .web, assisting: nil, event: event)
            let decoded = try JSONDecoder().decode(EventEnvelope.self, from: JSONEncoder().encode(envelope))
            #expect(decoded.event == event)
        }
    }

    /// D16: only 信息已确认 is submitted; the others are named; a closed unit and another
    /// unit's operator are refused.
    @Test func onlyConfirmedEmployeesAreSubmittedAndTheOthersAreNamed() throws {
        var state = DomainFixture.seededState()
        let liu = DomainFixture.person("刘洋")
        state.run(.confirmEmployeeData(personNumber: liu.documentNumber, form: Self.form(for: liu, pickup: .unitCollects)),
                  by: Self.actor(liu), channel: .web)
        let application = try #require(state.applications(ofPerson: liu.documentNumber).first)
        let item = SubmissionItem(applicationID: application.id, confirmedAt: try #require(CardState.confirmedAt(application)))
        let other = state.run(.submitEmployees(unitNumber: "10000002", items: [item]), by: Self.xingheOperator)
        guard case .failure(.notAllowed(let why)) = other else { Issue.record("another unit's operator submitted"); return }
        #expect(why == "单位经办人只能提交本单位职工的申请")
        let stale = SubmissionItem(applicationID: application.id, confirmedAt: item.confirmedAt - 1)
        guard case .failure(.refused(let message)) = state.run(.submitEmployees(unitNumber: "10000002", items: [stale]),
                                                               by: Self.shequOperator) else { Issue.record("stale submitted"); return }
        #expect(message.contains("刘洋：列表显示后职工修改了确认信息"))
        guard case .success(let events) = state.run(.submitEmployees(unitNumber: "10000002", items: [item, item]),
                                                    by: Self.shequOperator) else { Issue.record("refused"); return }
        #expect(events.map(\.kind) == ["employeesSubmitted", "statusChanged"])
        #expect(state.applications[application.id]?.status == .submitted)
        // Submitted once: again, it is no longer 信息已确认.
        guard case .failure(.refused(let again)) = state.run(.submitEmployees(unitNumber: "10000002", items: [item]),
                                                             by: Self.shequOperator) else { Issue.record("submitted twice"); return }
        #expect(again.contains("状态为「已提交」"))
    }

    @Test func aClosedUnitCannotSubmit() throws {
        var state = DomainFixture.seededState()
        let liu = DomainFixture.person("刘洋")
        state.run(.confirmEmployeeData(personNumber: liu.documentNumber, form: Self.form(for: liu, pickup: .unitCollects)),
                  by: Self.actor(liu), channel: .web)
        let application = try #require(state.applications(ofPerson: liu.documentNumber).first)
        var closed = try #require(state.units["10000002"]?.collective)
        closed.opened = false
        state.run(.saveCollectiveSettings(unitNumber: "10000002", settings: closed), by: Self.shequOperator)
        let item = SubmissionItem(applicationID: application.id, confirmedAt: try #require(CardState.confirmedAt(application)))
        guard case .failure(.refused(let message)) = state.run(.submitEmployees(unitNumber: "10000002", items: [item]),
                                                               by: Self.shequOperator) else { Issue.record("a closed unit submitted"); return }
        #expect(message.contains("单位已暂停集体申请"))
        #expect(state.applications[application.id]?.status == .confirmed)
    }
}
