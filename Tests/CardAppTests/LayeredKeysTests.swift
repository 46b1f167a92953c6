@testable import CardApp
import CardDomain
import Testing
import TerminalUI

/// Keys act on the innermost layer only: Esc in an open list closes the list, and the
/// page stays where it was.
@Suite struct LayeredKeysTests {
    /// Walks the web application until the page that asks for 职业.
    func onOccupationPage(_ fixture: AppFixture) throws -> AppModel {
        var model = try fixture.model()
        model.logIn("110105195609090137")
        model.choose("apply")
        model.type([.character(" "), .enter])
        var pages = 0
        while model.wizard?.form.fields.contains(where: { $0.id == "occupation" }) == false, pages < 10 {
            model.walkPage()
            pages += 1
        }
        try #require(model.wizard?.form.fields.contains { $0.id == "occupation" } == true)
        return model
    }

    @Test func escInAnOpenListClosesTheListOnly() throws {
        let fixture = try AppFixture()
        var model = try onOccupationPage(fixture)
        let step = model.wizard?.flow.step
        model.focus("occupation")
        model.type([.enter])
        #expect(model.wizard?.form.openSelect != nil, "Enter opens the 职业 list")
        model.type([.escape])
        #expect(model.wizard?.form.openSelect == nil)
        #expect(model.wizard?.flow.step == step, "the page did not go back")
        #expect(model.overlay == nil)
        // A second Esc is the page's again.
        model.type([.escape])
        #expect(model.wizard?.flow.step != step || model.overlay != nil)
    }

    /// The web's first step is the photos. Esc there once threw a chosen photo away
    /// without the question the help promises.
    @Test func escOnTheFirstPageAsksBeforeAChosenPhotoIsLost() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        model.logIn("110105195609090137")
        model.choose("apply")
        model.type([.character(" "), .enter])
        try #require(model.wizard?.flow.step == 0)
        // Untouched, Esc simply goes back to the home menu.
        model.type([.escape])
        #expect(model.overlay == nil)
        #expect(model.isHome)

        model.choose("apply")
        model.type([.character(" "), .enter])
        model.focus("cardPhoto")
        model.type([.enter])
        model.pickPhoto(TestPhotos.cardPhoto)
        try #require(model.wizard?.flow.form.cardPhoto != nil)
        model.type([.escape])
        guard case .confirmDiscard(let dialog, then: .home)? = model.overlay else {
            Issue.record("no question before the photo was thrown away")
            return
        }
        #expect(dialog.title == "返回首页？")
        model.type([.escape])
        #expect(model.overlay == nil)
        #expect(model.wizard?.flow.form.cardPhoto != nil, "cancelling keeps the photo")
        model.type([.escape, .enter])
        #expect(model.isHome)
    }
}
