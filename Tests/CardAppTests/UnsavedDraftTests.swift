@testable import CardApp
import CardDomain
import CardResources
import CardStore
import Foundation
import JournalTestSupport
import PostgresJournal
import SystemPackage
import Testing

/// A clerk goes on filling a form while the PostgreSQL server is away: each completed step
/// is kept on the site's disk, and recorded once the server answers, by this process or,
/// after it died, by the clerk's next session; never twice.
@Suite struct UnsavedDraftTests {
    static let sun = "110105195609090137"

    func draftsSaved(_ url: String) throws -> Int {
        var count = 0
        try PostgresJournal(try PostgresLocation(url)).forEachRecord(after: 0) { record, _ in
            if String(decoding: record.payload, as: UTF8.self).contains("\"draftSaved\"") { count += 1 }
            return true
        }
        return count
    }

    @Test func aStepCompletedWhileTheServerIsAwayIsKeptHereAndRecordedOnceItIsBack() throws {
        let database = try PostgresDatabase()
        let url = database.url
        let fixture = try AppFixture(journalURL: url)
        let store = UnsavedDrafts(data: fixture.repository.data)
        var model = try fixture.model(channel: .counter)
        model.logIn("guitai01")
        model.openPerson(Self.sun)
        model.focus("apply")
        model.type([.enter])
        model.type([.character(" "), .enter])
        guard case .wizard(let first) = model.page else { Issue.record("no wizard: \(model.screen())"); return }

        try database.goAway()
        model.walkPage()
        guard case .message(let notice)? = model.overlay else { Issue.record("no notice: \(model.screen())"); return }
        #expect(notice.title == "服务器连接中断" && notice.message.contains("已保存在本机"), "\(notice.message)")
        model.type([.enter])
        guard case .wizard(let second) = model.page else { Issue.record("the form was left: \(model.screen())"); return }
        #expect(second.flow.step > first.flow.step, "the clerk goes on to the next step")
        let kept = store.waiting(for: "guitai01")
        #expect(kept.count == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: try #require(kept.first).string)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // The clerk's process dies (its ssh session dropped); the server comes back; the
        // clerk's next session records the kept step, and the person's form resumes from it.
        try database.comeBack()
        let repository = try CardRepository(data: fixture.repository.data, reference: CardResources.referenceData())
        var next = try fixture.model(channel: .counter, on: repository)
        next.logIn("guitai01")
        _ = next.tick(now: AppFixture.start + 5_000_000)
        #expect(store.waiting(for: "guitai01").isEmpty)
        #expect(repository.state.draft(of: Self.sun)?.step == first.flow.currentStep.id)
        #expect(try draftsSaved(url) == 1)
        next.openPerson(Self.sun)
        next.focus("apply")
        next.type([.enter])
        guard case .message(let resumed)? = next.overlay else { Issue.record("no resume: \(next.screen())"); return }
        #expect(resumed.title == "已恢复草稿")

        // A process that died after recording, before removing the file: not recorded again.
        let copy = UnsavedDrafts.Draft(personNumber: Self.sun, step: first.flow.currentStep.id, form: second.flow.form,
                                       channel: .counter, actor: Actor(username: "guitai01", role: .counterClerk, assisting: Self.sun),
                                       keptAt: AppFixture.start)
        try store.keep(copy)
        var third = try fixture.model(channel: .counter, on: repository)
        third.logIn("guitai01")
        _ = third.tick(now: AppFixture.start + 9_000_000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.folder.string).isEmpty, "found in the journal, removed, not set aside")
        #expect(try draftsSaved(url) == 1)
    }
}
