@testable import CardApp
import CardDomain
import Testing
import TerminalUI

/// Back office finds an application by 办事编号, ID number or name, stays in its list
/// after a move, and sees the whole timeline with the tracking number.
@Suite struct BackOfficeSearchTests {
    /// Three retirees apply on the web: SB…01 孙建国, SB…02 周秀英, SB…03 钱三.
    func threeSubmitted(_ fixture: AppFixture) throws {
        try fixture.addRetiree(name: "钱三", number: "110105195001010012", birth: CalendarDate(year: 1950, month: 1, day: 1)!,
                               mobile: "13700000003")
        for person in ["110105195609090137", "110102196104170268", "110105195001010012"] {
            var applicant = try fixture.model()
            applicant.applyAndSubmit(as: person)
        }
        try #require(fixture.repository.state.applications(in: .submitted).count == 3)
    }

    func backOffice(_ fixture: AppFixture) throws -> AppModel {
        var model = try fixture.model(channel: .counter, terminal: "B01")
        model.logIn("houtai01")
        return model
    }

    func search(_ model: inout AppModel, _ query: String) -> [String] {
        model.showQueue(.submitted)
        model.focus("query")
        model.type(query)
        model.type([.enter])
        guard case .queue(let screen) = model.page,
              case .radio(let group)? = screen.form.fields.first(where: { $0.id == "applications" })?.control else { return [] }
        return group.options.map(\.id)
    }

    @Test func findsByApplicationNumberIDNumberOrName() throws {
        let fixture = try AppFixture()
        try threeSubmitted(fixture)
        var model = try backOffice(fixture)
        #expect(search(&model, "SB20261121000002") == ["SB20261121000002"])
        #expect(search(&model, "110105195001010012") == ["SB20261121000003"])
        #expect(search(&model, "孙") == ["SB20261121000001"])
        #expect(search(&model, "无此人").isEmpty)
        #expect(model.screen().contains("没有办事编号、证件号码或姓名符合「无此人」的申请"))
    }

    @Test func afterAMoveTheCursorIsOnTheNextApplicationOfTheSameList() throws {
        let fixture = try AppFixture()
        try threeSubmitted(fixture)
        var model = try backOffice(fixture)
        model.openQueue(.submitted)
        model.type([.down, .enter])  // the second: SB…02
        model.chooseTarget(.inProduction)
        model.focus("confirm")
        model.type([.enter, .enter])  // confirm, then close the "已变更" notice
        guard case .queue(let queue) = model.page else { Issue.record("not back on the list"); return }
        #expect(queue.status == .submitted)
        #expect(queue.form.value("applications") == "SB20261121000003", "the next one, not the first")
    }

    @Test func theDetailShowsTheTimelineWithTheTrackingNumber() throws {
        let fixture = try AppFixture()
        try threeSubmitted(fixture)
        var model = try backOffice(fixture)
        let office = Actor(username: "houtai01", role: .backOffice)
        let context = CommandContext(now: AppFixture.start, today: CalendarDate(year: 2026, month: 11, day: 21)!,
                                     terminal: "B01", channel: .counter)
        for (target, tracking) in [(ApplicationStatus.inProduction, nil), (.produced, nil), (.mailed, "SF1234567890")] {
            try fixture.repository.execute(.changeStatus(applicationID: "SB20261121000001", to: target, trackingNumber: tracking),
                                           by: office, context: context)
        }
        _ = search(&model, "SB20261121000001")
        model.type([.enter])
        let detail = model.screen()
        #expect(detail.contains("办理记录"))
        #expect(detail.contains("已提交") && detail.contains("制卡中") && detail.contains("已寄出"))
        #expect(detail.contains("邮寄单号：SF1234567890"))
    }
}
