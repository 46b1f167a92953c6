@testable import CardApp
import CardDomain
import SnapshotSupport
import Testing
import TerminalUI

/// Every page of the retiree flow at 80x24, per channel profile, in the normal and the
/// elder-friendly layout: the disclaimer, each step as first shown, the first step's
/// problems, and the success screen. Re-record with SSCARD_RECORD_SNAPSHOTS=1.
@Suite struct StepSnapshotTests {
    static let cases: [(Channel, Bool)] = Channel.allCases.flatMap { [($0, false), ($0, true)] }

    @Test(arguments: cases)
    func everyStep(channel: Channel, elder: Bool) throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: channel, elder: elder)
        let prefix = "retiree-\(channel.rawValue)-\(elder ? "elder" : "normal")"
        if channel == .counter {
            model.logIn("guitai01")
            model.openPerson("110105195609090137")
            model.focus("apply")
            model.type([.enter])
        } else {
            model.logIn("110105195609090137")
            model.choose("apply")
        }
        Snapshot.assertMatches(model.screen(), named: "\(prefix)-00-disclaimer")
        model.type([.character(" "), .enter])
        var pages = 0
        while let screen = model.wizard, model.overlay == nil, pages < 30 {
            pages += 1
            let name = "\(prefix)-\(pages < 10 ? "0" : "")\(pages)-\(screen.flow.currentStep.id)-\(screen.flow.page + 1)"
            Snapshot.assertMatches(model.screen(), named: name)
            if pages == 1 {
                // The first page's problems, before anything is filled in.
                model.focus("next")
                model.type([.enter])
                Snapshot.assertMatches(model.screen(), named: "\(prefix)-01-problems")
            }
            model.walkPage()
        }
        if case .confirmSubmit = model.overlay {
            Snapshot.assertMatches(model.screen(), named: "\(prefix)-confirm")
            model.type([.enter])
        }
        Snapshot.assertMatches(model.screen(), named: "\(prefix)-submitted")
        #expect(fixture.repository.state.applicationInProgress(of: "110105195609090137") != nil)
    }

    @Test func myApplicationsTimelineAndTheBackOfficeScreens() throws {
        let fixture = try AppFixture()
        var applicant = try fixture.model(channel: .web)
        applicant.applyAndSubmit(as: "110105195609090137")
        var office = try fixture.model(channel: .counter, terminal: "B01")
        office.logIn("houtai01")
        office.choose("queue")
        Snapshot.assertMatches(office.screen(), named: "backoffice-queue")
        office.type([.enter])
        Snapshot.assertMatches(office.screen(), named: "backoffice-review")
        office.chooseTarget(.photoRejected)
        office.focus("reason")
        office.type("背景不是白色")
        office.focus("confirm")
        office.type([.enter])
        office.type([.enter])
        applicant.type([.escape])
        applicant.choose("myApplications")
        Snapshot.assertMatches(applicant.screen(), named: "my-applications-photo-rejected")
    }
}
