import CardDomain
import Testing

/// Commands decided on a state: eligibility (D4), the channel's form rules, status moves.
@Suite struct DecideTests {
    static func personActor(_ person: PersonRecord) -> Actor {
        Actor(username: person.documentNumber, role: .person, personNumber: person.documentNumber)
    }

    static func submit(_ name: String, in state: inout CardState, channel: Channel = .web,
                       change: (inout ApplicationForm) -> Void = { _ in }) -> Result<[DomainEvent], CommandRefusal> {
        let person = DomainFixture.person(name)
        var form = DomainFixture.form(for: person)
        change(&form)
        return state.run(.submitApplication(personNumber: person.documentNumber, form: form), by: personActor(person), channel: channel)
    }

    static func refusal(_ outcome: Result<[DomainEvent], CommandRefusal>) -> CommandRefusal? {
        if case .failure(let refusal) = outcome { return refusal }
        return nil
    }

    @Test func anEligibleRetireeSubmitsAndTheBankIsThePensionBank() throws {
        var state = DomainFixture.seededState()
        let events = try Self.submit("孙建国", in: &state) { $0.bank = nil }.get()
        guard case .applicationSubmitted(let submitted) = events.first else { Issue.record("no submission"); return }
        #expect(submitted.applicationID == "SB20261121000001")
        #expect(submitted.form.bank == "中国工商银行")
        #expect(submitted.form.branch == "中国工商银行北京朝阳支行")
        #expect(state.applications(in: .submitted).map(\.id) == ["SB20261121000001"])
    }

    @Test func aSecondApplicationWhileOneIsInProgressIsRefused() throws {
        var state = DomainFixture.seededState()
        _ = try Self.submit("孙建国", in: &state).get()
        let second = Self.refusal(Self.submit("孙建国", in: &state))
        #expect(second?.description.contains("已有一笔申请正在办理（办事编号 SB20261121000001") == true)
    }

    /// The web does not ask for the mail district: the one recorded is read from the
    /// address the applicant typed (a 海淀 address was once stored as 朝阳, the person's
    /// own district), or none; a channel that asks keeps what was chosen.
    @Test func theMailDistrictIsNeverOneTheApplicantDidNotSee() throws {
        func recorded(_ address: String, channel: Channel) throws -> String? {
            var state = DomainFixture.seededState()
            let events = try Self.submit("孙建国", in: &state, channel: channel) { form in
                form.mailing?.address = address
                form.mailing?.postalCode = "100083"
            }.get()
            guard case .applicationSubmitted(let submitted)? = events.first else { return "none submitted" }
            return submitted.form.mailing?.district
        }
        #expect(try recorded("北京市海淀区学院路30号院1号楼101", channel: .web) == "110108")
        #expect(try recorded("学院路30号院1号楼101室", channel: .web) == nil)
        #expect(try recorded("北京市海淀区学院路30号院1号楼101", channel: .jingtong) == "110105", "京通 asks, and 朝阳 was chosen")
    }

    /// A card collected is a card held, not "an application in progress (状态：已领卡)".
    @Test func afterTheCardIsCollectedTheRefusalSaysTheCardIsHeld() throws {
        var state = DomainFixture.seededState()
        _ = try Self.submit("孙建国", in: &state).get()
        let office = Actor(username: "houtai01", role: .backOffice)
        for target in [ApplicationStatus.inProduction, .produced, .mailed, .collected] {
            _ = try state.run(.changeStatus(applicationID: "SB20261121000001", to: target,
                                            trackingNumber: target == .mailed ? "SF1234567890" : nil), by: office).get()
        }
        let again = Self.refusal(Self.submit("孙建国", in: &state))
        #expect(again == .refused("您已领取第三代社会保障卡（办事编号 SB20261121000001），无需再次申领。如卡片丢失或损坏，请办理补换卡"))
    }

    @Test func aHolderOfAThirdGenerationCardIsRefusedWithWhatToDo() {
        var state = DomainFixture.seededState()
        #expect(Self.refusal(Self.submit("吴德明", in: &state))
                == .refused("您已持有第三代社会保障卡，无需再次申领。如卡片丢失或损坏，请办理补换卡"))
    }

    @Test func anEmployeeIsToldToApplyThroughTheirUnit() {
        var state = DomainFixture.seededState()
        let refusal = Self.refusal(Self.submit("张伟", in: &state))
        #expect(refusal?.description.contains("在职职工请通过所在单位的集体申请办理") == true)
    }

    @Test func anExpiredIdentityDocumentIsRefusedUnlessTheRenewedStartIsGiven() {
        let expired = DomainFixture.person("郑强")
        var state = CardState()
        #expect(Eligibility.refusals(for: expired, in: state, today: DomainFixture.today)
            .contains { $0.contains("已于 2015-03-01 过期") })
        var retired = DomainFixture.person("孙建国")
        retired.validityStart = CalendarDate(year: 1990, month: 1, day: 1)!
        state = DomainFixture.seededState()
        _ = state.run(.recordPerson(retired), by: DomainFixture.admin)
        #expect(Self.refusal(Self.submit("孙建国", in: &state))?.description.contains("过期") == true)
    }

    @Test func everyFormProblemIsReportedAtOnceUnderTheChannelsLabels() {
        var state = DomainFixture.seededState()
        let refusal = Self.refusal(Self.submit("周秀英", in: &state, channel: .minsheng) {
            $0.occupation = nil
            $0.cardPhoto = nil
            $0.mobile = "12345"
            $0.bank = "招商银行"
            $0.consented = false
        })
        guard case .invalid(let problems) = refusal else { Issue.record("expected problems, got \(String(describing: refusal))"); return }
        #expect(problems.map(\.field) == ["职业", "卡预留手机号", "办卡银行", "制卡照片", "我已阅读并同意"])
    }

    @Test func pickupMustBeOneTheChannelOffers() {
        var state = DomainFixture.seededState()
        let web = Self.refusal(Self.submit("孙建国", in: &state, channel: .web) { $0.pickupMethod = .branchPickup })
        #expect(web == .invalid([FieldProblem(field: "领卡方式", message: "请选择银行邮寄")]))
        // 京通 offers both (D2); a branch pickup needs no mail fields.
        #expect((try? Self.submit("孙建国", in: &state, channel: .jingtong) {
            $0.pickupMethod = .branchPickup
            $0.mailing = nil
        }.get()) != nil)
    }

    @Test func jingtongMailNeedsDistrictAndPostalCode() {
        var state = DomainFixture.seededState()
        let refusal = Self.refusal(Self.submit("孙建国", in: &state, channel: .jingtong) {
            $0.mailing?.postalCode = "200000"
            $0.mailing?.district = nil
        })
        guard case .invalid(let problems) = refusal else { Issue.record("expected problems"); return }
        #expect(problems.map(\.field) == ["收件地所在区", "邮政编码"])
    }

    @Test func backOfficeMovesAnApplicationAlongWithReasonsAndTrackingNumbers() throws {
        var state = DomainFixture.seededState()
        _ = try Self.submit("孙建国", in: &state).get()
        let id = "SB20261121000001"
        let office = Actor(username: "houtai01", role: .backOffice)
        #expect(Self.refusal(state.run(.changeStatus(applicationID: id, to: .photoRejected), by: office))
                == .invalid([FieldProblem(field: "原因", message: "请填写「照片审核未通过」的原因，申请人会看到它")]))
        _ = try state.run(.changeStatus(applicationID: id, to: .inProduction), by: office).get()
        _ = try state.run(.changeStatus(applicationID: id, to: .produced), by: office).get()
        #expect(Self.refusal(state.run(.changeStatus(applicationID: id, to: .awaitingPickup), by: office)) != nil)
        #expect(Self.refusal(state.run(.changeStatus(applicationID: id, to: .mailed), by: office))
                == .invalid([FieldProblem(field: "邮寄单号", message: "请填写邮寄单号")]))
        _ = try state.run(.changeStatus(applicationID: id, to: .mailed, trackingNumber: "SF1234567890"), by: office).get()
        _ = try state.run(.changeStatus(applicationID: id, to: .collected), by: office).get()
        let application = state.applications[id]!
        #expect(application.timeline.map(\.status) == [.submitted, .inProduction, .produced, .mailed, .collected])
        #expect(application.timeline[3].trackingNumber == "SF1234567890")
        #expect(state.applications(in: .collected).count == 1)
        #expect(state.applications(in: .submitted).isEmpty)
    }

    @Test func recordingTheSamePersonAgainRecordsNothing() {
        var state = DomainFixture.seededState()
        let person = DomainFixture.person("李娜")
        #expect(state.run(.recordPerson(person), by: DomainFixture.admin) == .success([]))
        var moved = person
        moved.mobile = "13800019999"
        #expect(state.run(.recordPerson(moved), by: DomainFixture.admin) == .success([.personRecorded(moved)]))
        #expect(state.person(matching: "13800019999")?.name == "李娜")
        #expect(state.person(matching: "13800010002") == nil)
    }

    @Test func anEmployeeOfAnUnknownUnitIsRefused() {
        var state = CardState()
        let refusal = state.run(.recordPerson(DomainFixture.person("张伟")), by: DomainFixture.admin)
        #expect(refusal == .failure(.invalid([FieldProblem(field: "单位编号", message: "单位 10000001 不在单位名录中，请先导入单位")])))
    }
}
