@testable import CardApp
import CardDomain
import SnapshotSupport
import Testing
import TerminalUI

/// Every page of the employee's confirmation at 80x24, per channel profile, in the normal
/// and the elder-friendly layout: the entry popup where there is one, the disclaimer, each
/// step as first shown, the first step's problems, and the success screen. 刘洋's unit
/// collects (单位代领 fixed); 张伟's does not, after its operator opens, so he mails.
/// Re-record with SSCARD_RECORD_SNAPSHOTS=1.
@Suite struct EmployeeStepSnapshotTests {
    static let cases: [(Channel, Bool)] = Channel.allCases.flatMap { [($0, false), ($0, true)] }

    @Test(arguments: cases)
    func everyStep(channel: Channel, elder: Bool) throws {
        let fixture = try AppFixture()
        let mails = channel == .jingtong || channel == .web
        if mails { try EmployeeFlowTests.openXinghe(fixture) }
        let number = mails ? EmployeeFlowTests.zhang : EmployeeFlowTests.liu
        var model = try fixture.model(channel: channel, elder: elder)
        let prefix = "employee-\(channel.rawValue)-\(elder ? "elder" : "normal")"
        if channel == .counter {
            model.logIn("guitai01")
            model.openPerson(number)
            model.focus("apply")
            model.type([.enter])
        } else {
            model.logIn(number)
            model.choose("confirm")
        }
        if case .message? = model.overlay {
            Snapshot.assertMatches(model.screen(), named: "\(prefix)-00-popup")
            model.type([.enter])
        }
        Snapshot.assertMatches(model.screen(), named: "\(prefix)-00-disclaimer")
        model.type([.character(" "), .enter])
        var pages = 0
        while let screen = model.wizard, model.overlay == nil, pages < 30 {
            pages += 1
            let name = "\(prefix)-\(pages < 10 ? "0" : "")\(pages)-\(screen.flow.currentStep.id)-\(screen.flow.page + 1)"
            if screen.flow.currentStep.id == "pickup", mails, screen.form.index(of: "pickupMethod") != nil {
                model.focus("pickupMethod")
                model.type([.down])
            }
            Snapshot.assertMatches(model.screen(), named: name)
            if pages == 1 {
                // The first page's problems, where a first page has any (民生一卡通's photos).
                model.focus("next")
                model.type([.enter])
                guard model.wizard?.flow.step == screen.flow.step, model.wizard?.flow.page == screen.flow.page else { continue }
                Snapshot.assertMatches(model.screen(), named: "\(prefix)-01-problems")
            }
            model.walkPage()
        }
        if case .confirmSubmit = model.overlay {
            Snapshot.assertMatches(model.screen(), named: "\(prefix)-confirm")
            model.type([.enter])
        }
        Snapshot.assertMatches(model.screen(), named: "\(prefix)-confirmed")
        let application = try #require(fixture.repository.state.applications(ofPerson: number).first)
        #expect(application.status == .confirmed)
        #expect(application.form.pickupMethod == (mails ? .bankMail : .unitCollects))
    }
}
