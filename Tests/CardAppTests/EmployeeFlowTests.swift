import CardDomain
import SnapshotSupport
import Testing
import TerminalUI
@testable import CardApp

/// Flow E (A.6, A.13.1, D13–D17): an employee confirms their card data in every channel.
@Suite struct EmployeeFlowTests {
    static let zhang = "110105198803120313"
    static let liu = "110101198501150626"
    static let zhao = "110106199811030845"

    /// Opens 星河数码 with 单位代领 = 否 (北京银行 朝阳支行), as its operator would.
    static func openXinghe(_ fixture: AppFixture) throws {
        var model = try UnitSettingsTests.openForm(fixture, as: "xinghe-admin")
        UnitSettingsTests.fillXinghe(&model, unitCollects: false)
        model.focus("submit")
        model.type([.enter])
        #expect(fixture.repository.state.units["10000001"]?.collective?.opened == true)
    }

    @Test func aPersonSeesOnlyTheFlowThatIsTheirs() throws {
        let fixture = try AppFixture()
        var retiree = try fixture.model(channel: .jingtong)
        retiree.logIn("110105195609090137")
        #expect(retiree.screen().contains("本人申领") && !retiree.screen().contains("个人信息确认"))
        var employee = try fixture.model(channel: .jingtong)
        employee.logIn(Self.liu)
        let home = employee.screen()
        #expect(home.contains("单位集体申领-个人信息确认（修改）") && !home.contains("本人申领"))
        Snapshot.assertMatches(home, named: "employee-home-jingtong")
    }

    @Test func anEmployeeWhoseUnitHasNotOpenedIsToldWhoToAsk() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .web)
        model.logIn(Self.zhang)
        model.choose("confirm")
        let screen = model.screen()
        #expect(screen.contains("尚未开通集体申请"))
        #expect(screen.contains("联系单位经办人"))
        Snapshot.assertMatches(screen, named: "employee-unit-not-open")
    }

    @Test func unitCollectsIsFixedOnTheWebAndTheConfirmationIsRecorded() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .web)
        model.logIn(Self.liu)
        model.choose("confirm")
        let disclaimer = model.screen()
        #expect(disclaimer.contains("单位集体申请社会保障卡-个人信息确认") && disclaimer.contains("我同意"))
        model.type([.character(" "), .enter])
        Snapshot.assertMatches(model.screen(), named: "employee-web-info")
        var pages = 0
        while let step = model.wizard?.flow.currentStep.id, step != "pickup", pages < 10 {
            pages += 1
            model.walkPage()
        }
        let pickup = model.screen()
        #expect(pickup.contains("单位代领") && pickup.contains("单位已选择单位代领，不可更改"))
        #expect(!pickup.contains("邮寄接收人"))
        Snapshot.assertMatches(pickup, named: "employee-web-pickup-unit-collects")
        model.walkApplication()
        #expect(model.screen().contains("申请人郑重承诺") == false)
        let done = model.screen()
        #expect(done.contains("信息已确认") && done.contains("确认时间"))
        Snapshot.assertMatches(done, named: "employee-web-confirmed")
        let application = try #require(fixture.repository.state.applications(ofPerson: Self.liu).first)
        #expect(application.kind == .unit && application.status == .confirmed && application.unitNumber == "10000002")
        #expect(application.form.pickupMethod == .unitCollects && application.form.mailing == nil)
        #expect(application.form.bank == "北京银行" && application.form.branch == "北京银行朝阳支行")
    }

    @Test func jingtongEmployeeMailsAndMayPickAnotherBranchOfTheUnitsBank() throws {
        let fixture = try AppFixture()
        try Self.openXinghe(fixture)
        var model = try fixture.model(channel: .jingtong)
        model.logIn(Self.zhang)
        model.choose("confirm")
        #expect(model.screen().contains("确定申领"))
        model.type([.character(" "), .enter])
        while let step = model.wizard?.flow.currentStep.id, step != "pickup" { model.walkPage() }
        #expect(!model.screen().contains("收件人姓名"))
        model.focus("pickupMethod")
        model.type([.down])
        let mail = model.screen()
        #expect(mail.contains("收件人姓名") && mail.contains("邮政编码"))
        #expect(model.currentForm.focusedField?.id == "pickupMethod")
        Snapshot.assertMatches(mail, named: "employee-jingtong-pickup-mail")
        model.walkPage()
        #expect(model.wizard?.flow.currentStep.id == "bank")
        Snapshot.assertMatches(model.screen(), named: "employee-jingtong-bank")
        model.focus("branch")
        model.type("西城")
        model.type([.enter])
        model.walkApplication()
        let application = try #require(fixture.repository.state.applications(ofPerson: Self.zhang).first)
        #expect(application.form.pickupMethod == .bankMail && application.form.mailing?.postalCode == "100021")
        #expect(application.form.bank == "北京银行" && application.form.branch == "北京银行西城支行")
    }

    @Test func changingAConfirmationKeepsOneApplicationAndTheLatestTime() throws {
        let fixture = try AppFixture()
        var first = try fixture.model(channel: .jingtong)
        first.confirm(as: Self.liu)
        let id = try #require(fixture.repository.state.applications(ofPerson: Self.liu).first?.id)
        var again = try fixture.model(channel: .jingtong)
        again.logIn(Self.liu)
        again.choose("confirm")
        again.type([.character(" "), .enter])
        #expect(again.screen().contains("单位提交前可以修改"))
        again.walkApplication()
        let applications = fixture.repository.state.applications(ofPerson: Self.liu)
        #expect(applications.count == 1 && applications[0].id == id)
        #expect(applications[0].timeline.map(\.status) == [.confirmed, .confirmed])
        #expect(applications[0].timeline.last?.reason == "职工修改了确认信息")
    }

    @Test func onceTheUnitSubmittedTheEntryRefusesWithTheReason() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .web)
        model.confirm(as: Self.liu)
        let id = try #require(fixture.repository.state.applications(ofPerson: Self.liu).first?.id)
        let operatorActor = Actor(username: "shequ-admin", role: .unitOperator, unitNumber: "10000002")
        try fixture.repository.execute(.changeStatus(applicationID: id, to: .submitted), by: operatorActor,
                                       context: CommandContext(now: AppFixture.start, today: CalendarDate(year: 2026, month: 11, day: 21)!,
                                                               terminal: "T02", channel: .web))
        var again = try fixture.model(channel: .web)
        again.logIn(Self.liu)
        again.choose("confirm")
        #expect(again.screen().contains("单位已提交您的申请"))
        again.type([.enter])
        guard case .myApplications = again.page else { Issue.record("the status and timeline should show"); return }
        #expect(again.screen().contains("已提交"))
    }

    @Test func aConfirmationLeftMidwayResumesAtTheNextStep() throws {
        let fixture = try AppFixture()
        var first = try fixture.model(channel: .web)
        first.logIn(Self.liu)
        first.choose("confirm")
        first.type([.character(" "), .enter])
        first.walkPage()
        #expect(first.wizard?.flow.currentStep.id == "photos")
        #expect(fixture.repository.state.draft(of: Self.liu)?.step == "info")
        var again = try fixture.model(channel: .web)
        again.logIn(Self.liu)
        again.choose("confirm")
        #expect(again.screen().contains("已恢复草稿"))
        again.type([.enter])
        #expect(again.wizard?.flow.currentStep.id == "photos")
        #expect(again.wizard?.flow.form.occupation != nil)
        again.walkApplication()
        #expect(fixture.repository.state.applications(ofPerson: Self.liu).first?.status == .confirmed)
        #expect(fixture.repository.state.draft(of: Self.liu) == nil)
    }

    @Test func minshengAsksToConfirmInformationFirstAndEchoesTheCard() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .minsheng)
        model.logIn(Self.zhao)
        model.choose("confirm")
        let popup = model.screen()
        #expect(popup.contains("确认信息"))
        Snapshot.assertMatches(popup, named: "employee-minsheng-popup")
        model.type([.enter])
        #expect(model.screen().contains("我已阅读并同意免责声明"))
        model.type([.character(" "), .enter])
        let identity = model.screen()
        #expect(identity.contains("读卡器读取"))
        Snapshot.assertMatches(identity, named: "employee-minsheng-identity")
        model.walkApplication()
        #expect(model.screen().contains("信息确认成功"))
        #expect(fixture.repository.state.applications(ofPerson: Self.zhao).first?.channel == .minsheng)
    }

    @Test func aClerkConfirmsForAnEmployeeAndIsRecorded() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .counter)
        model.logIn("guitai01")
        model.openPerson(Self.zhao)
        let detail = model.screen()
        #expect(detail.contains("北京市朝阳区示范社区卫生服务中心") && detail.contains("可以确认个人信息"))
        Snapshot.assertMatches(detail, named: "employee-counter-detail")
        model.focus("apply")
        model.type([.enter, .character(" "), .enter])
        model.walkApplication()
        model.type([.enter])  // 二次确认
        let application = try #require(fixture.repository.state.applications(ofPerson: Self.zhao).first)
        #expect(application.assistedBy == "guitai01" && application.status == .confirmed)
        #expect(model.screen().contains("已代职工确认个人信息"))
    }

    @Test func theElderLayoutPagesTheConfirmation() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .web, elder: true)
        model.logIn(Self.liu)
        model.choose("confirm")
        model.type([.character(" "), .enter])
        let first = model.screen()
        #expect(first.contains("个人基本信息（1/4）"))
        Snapshot.assertMatches(first, named: "employee-web-info-elder")
        model.walkApplication()
        #expect(fixture.repository.state.applications(ofPerson: Self.liu).first?.status == .confirmed)
    }

    /// D13: until they confirm, an employee of a unit that opened is 待确认 in 我的办事.
    @Test func myApplicationsShowsAwaitingConfirmationBeforeTheFirstConfirmation() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .web)
        model.logIn(Self.zhao)
        model.choose("myApplications")
        let screen = model.screen()
        #expect(screen.contains("待确认") && screen.contains("已开通集体申请，"))
        Snapshot.assertMatches(screen, named: "employee-my-applications-awaiting")
    }

    /// The line mode sets 领卡方式 without keys: ending the page then shows the mail fields
    /// to fill, rather than refusing fields that were never on it.
    @Test func anAnswerThatShowsMoreFieldsShowsThemBeforeThePageEnds() throws {
        let fixture = try AppFixture()
        try Self.openXinghe(fixture)
        var model = try fixture.model(channel: .jingtong)
        model.logIn(Self.zhang)
        model.choose("confirm")
        model.type([.character(" "), .enter])
        while let step = model.wizard?.flow.currentStep.id, step != "pickup" { model.walkPage() }
        model.setPlainValue("bankMail", for: "pickupMethod")
        model.focus("next")
        model.type([.enter])
        #expect(model.wizard?.flow.currentStep.id == "pickup")
        #expect(model.currentForm.index(of: "postalCode") != nil)
        model.walkPage()
        #expect(model.wizard?.flow.currentStep.id == "bank")
    }
}
