@testable import CardApp
import CardDomain
import CardWizards
import Testing
import TerminalUI

/// Flow R through the session model, per channel profile, with the demo retirees.
@Suite struct RetireeFlowTests {
    static let sun = "110105195609090137"

    @Test func webRetireeAppliesWithDisclaimerSecondConfirmationAndTheVerbatimSuccessMessage() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .web)
        model.logIn(Self.sun)
        model.choose("apply")
        #expect(model.screen().contains("【我同意】") || model.screen().contains("[ ] 我同意"))
        #expect(model.screen().contains("【确定】"))
        model.type([.enter])
        #expect(model.screen().contains("请先勾选「我同意」"))
        model.type([.character(" "), .enter])
        #expect(model.wizard?.flow.currentStep.id == "photos")
        model.walkApplication()
        guard case .confirmSubmit(let dialog)? = model.overlay else { Issue.record("no 二次确认"); return }
        #expect(dialog.message == "是否确认提交个人申领")
        model.type([.enter])
        let screen = model.screen()
        #expect(screen.contains("您已完成个人申领业务办理，请在个人中心我的办事中查看办事进度"))
        let application = try #require(fixture.repository.state.applicationInProgress(of: Self.sun))
        #expect(application.status == .submitted)
        #expect(application.channel == .web)
        #expect(application.form.occupation == Occupation.retiredCode)
        #expect(application.form.bank == "中国工商银行")
        #expect(application.form.pickupMethod == .bankMail)
        #expect(application.form.cardPhoto?.size == PixelSize(width: 358, height: 441))
        #expect(screen.contains(application.id))
        #expect(fixture.repository.state.draft(of: Self.sun) == nil)
    }

    @Test func jingtongChecksEligibilityAfterAccessAuthorisationAndOffersBranchPickup() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .jingtong)
        model.logIn(Self.sun)
        model.choose("apply")
        #expect(model.screen().contains("【确定申领】"))
        model.type([.character(" "), .enter])
        #expect(model.wizard?.flow.isEligibilityStep == true)
        model.focus("next")
        model.type([.enter])
        #expect(model.screen().contains("请先阅读并勾选访问授权"))
        model.focus("accessAuthorisation")
        model.type([.character(" ")])
        model.focus("next")
        model.type([.enter])
        let echo = try #require(model.wizard)
        #expect(echo.flow.currentStep.id == "echo")
        for label in ["姓名", "证件类型", "证件号码", "证件有效期限开始日期", "性别", "出生日期", "国籍", "常住所在地地址", "卡预留手机号"] {
            #expect(echo.form.fields.contains { $0.label == label }, "missing \(label)")
        }
        model.walkApplication()
        #expect(model.overlay == nil)
        #expect(model.screen().contains("申领已提交"))
        let application = try #require(fixture.repository.state.applicationInProgress(of: Self.sun))
        #expect(application.channel == .jingtong)
        // 个人网点领卡 is 京通's first option: the mail fields never showed, and none are recorded.
        #expect(application.form.pickupMethod == .branchPickup)
        #expect(application.form.mailing == nil)
    }

    @Test func minshengElderWalksFourStepsEachEndingWithItsOwnButton() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .minsheng, elder: true)
        model.logIn("110102196104170268")
        model.choose("apply")
        model.type([.character(" "), .enter])
        let first = try #require(model.wizard)
        #expect(first.flow.currentStep.title == "身份识别")
        #expect(model.screen().contains("由身份证读卡器读取"))
        var titles: [String] = []
        var buttons: [String] = []
        while let screen = model.wizard, model.overlay == nil, titles.count < 20 {
            titles.append(screen.flow.currentStep.title)
            buttons.append(screen.flow.nextButton)
            let before = (screen.flow.step, screen.flow.page)
            model.walkPage()
            if let after = model.wizard, (after.flow.step, after.flow.page) == before { break }
        }
        #expect(collapsingRepeats(titles) == ["身份识别", "基本信息", "制卡信息", "领卡方式"])
        #expect(buttons.contains("确定，下一步"))
        #expect(buttons.last == "确认提交")
        let application = try #require(fixture.repository.state.applicationInProgress(of: "110102196104170268"))
        #expect(application.channel == .minsheng)
        #expect(application.form.bank == "北京银行")
    }

    @Test func wuDemingIsRefusedBecauseHeHoldsACard() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .web)
        model.logIn("110108195801300391")
        model.choose("apply")
        guard case .message(let dialog)? = model.overlay else { Issue.record("no refusal"); return }
        #expect(dialog.title == "资格校验未通过")
        #expect(dialog.message.contains("您已持有第三代社会保障卡"))
        #expect(model.isHome)
    }

    @Test func aSecondApplicationWhileOneIsInProgressIsRefused() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .web)
        model.applyAndSubmit(as: Self.sun)
        model.type([.escape])
        model.choose("apply")
        guard case .message(let dialog)? = model.overlay else { Issue.record("no refusal"); return }
        #expect(dialog.message.contains("已有一笔申请正在办理"))
    }
}

/// The items in order, each run of equal ones kept once.
func collapsingRepeats(_ items: [String]) -> [String] {
    items.reduce(into: []) { result, item in if result.last != item { result.append(item) } }
}

/// An expired identity document (D4): refused where the channel cannot take the renewed
/// card's date; where it can (京通's 证件有效期限开始日期), the new date lets it through.
@Suite struct ExpiredDocumentTests {
    static let zhou = "110102196104170268"

    func expire(_ fixture: AppFixture) throws {
        var person = try #require(fixture.repository.state.person(Self.zhou))
        person.validityStart = CalendarDate(year: 2000, month: 1, day: 1)!
        let context = CommandContext(now: AppFixture.start, today: CalendarDate(year: 2026, month: 11, day: 21)!,
                                     terminal: "seed", channel: .counter)
        try fixture.repository.execute(.recordPerson(person), by: .system("test"), context: context)
    }

    @Test func theWebRefusesAndSaysWhatToDo() throws {
        let fixture = try AppFixture()
        try expire(fixture)
        var model = try fixture.model(channel: .web)
        model.logIn(Self.zhou)
        model.choose("apply")
        guard case .message(let dialog)? = model.overlay else { Issue.record("no refusal"); return }
        #expect(dialog.message.contains("您的身份证件已于 2020-01-01 过期。请先换领身份证"))
    }

    @Test func jingtongAsksForTheRenewedCardsStartDate() throws {
        let fixture = try AppFixture()
        try expire(fixture)
        var model = try fixture.model(channel: .jingtong)
        model.logIn(Self.zhou)
        model.choose("apply")
        model.type([.character(" "), .enter])
        model.walkPage()
        model.walkPage()
        #expect(model.screen().contains("! 按此日期，证件已于 2020-01-01 过期"))
        model.focus("validityStart")
        model.type([.control("u")])
        model.type("20210301")
        model.walkApplication()
        let application = try #require(fixture.repository.state.applicationInProgress(of: Self.zhou))
        #expect(application.form.validityStart == CalendarDate(year: 2021, month: 3, day: 1))
    }
}

/// D9: 民生一卡通's 身份识别 shows what the reader port read, not the records directly.
@Suite struct IDCardReaderTests {
    struct RenewedCardReader: IDCardReader {
        func read(for person: PersonRecord) throws -> IDCardReading {
            IDCardReading(name: person.name, ethnicGroup: "03", validityStart: CalendarDate(year: 2024, month: 6, day: 1)!,
                          validityEnd: "长期")
        }
    }

    @Test func theIdentityStepEchoesThePluggedReader() throws {
        let fixture = try AppFixture()
        let environment = try AppEnvironment(repository: fixture.repository, policy: TerminalPolicy.load(),
                                             options: AppOptions(channel: .minsheng, photoDirectory: fixture.photos),
                                             terminal: "T01", idCardReader: RenewedCardReader())
        var model = AppModel(environment: environment, now: AppFixture.start)
        model.logIn("110105195609090137")
        model.choose("apply")
        model.type([.character(" "), .enter])
        let screen = model.screen()
        #expect(screen.contains("2024-06-01 至 长期"))
        #expect(model.wizard?.flow.form.ethnicGroup == "03")
    }
}
