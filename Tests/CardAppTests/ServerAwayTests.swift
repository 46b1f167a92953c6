@testable import CardApp
import CardDomain
import CardStore
import Foundation
import JournalTestSupport
import PostgresJournal
import Testing

/// A clerk whose PostgreSQL server goes away (issue 31): the screen says so, what was typed
/// stays on screen, nothing is said to be saved, and once the server is back the same
/// submission is recorded exactly once.
@Suite struct ServerAwayTests {
    static let sun = "110105195609090137"

    @Test func aClerkKeepsTheFormWhileTheServerIsAwayAndSubmitsOnceItIsBack() throws {
        let database = try PostgresDatabase()
        let url = database.url
        let fixture = try AppFixture(journalURL: url)
        var model = try fixture.model(channel: .counter)
        model.logIn("guitai01")
        model.openPerson(Self.sun)
        model.walkApplicationOnBehalf()
        guard case .confirmSubmit? = model.overlay else { Issue.record("no 二次确认: \(model.screen())"); return }

        try database.goAway()
        model.type([.enter])
        guard case .message(let refused)? = model.overlay else { Issue.record("no message: \(model.screen())"); return }
        #expect(refused.title == "未能提交")
        #expect(refused.message.contains("与办卡服务器的连接中断") && refused.message.contains("不会重复记录"), "\(refused.message)")
        model.type([.enter])
        guard case .wizard = model.page else { Issue.record("the form was left: \(model.screen())"); return }
        _ = model.tick(now: AppFixture.start + 1_000_000)
        #expect(model.serverAway)
        #expect(model.screen(at: AppFixture.start + 1_000_000).contains(AppModel.serverAwayMark))

        try database.comeBack()
        let deadline = ContinuousClock.now + .seconds(10)
        var tick = AppFixture.start + 2_000_000
        while model.serverAway, ContinuousClock.now < deadline {
            tick += 100_000
            _ = model.tick(now: tick)
        }
        #expect(!model.serverAway, "the note goes once the server answers")
        model.focus("submit")
        model.type([.enter], at: tick)
        if case .confirmSubmit? = model.overlay { model.type([.enter], at: tick) }
        #expect(model.screen(at: tick).contains("已提交"), "\(model.screen(at: tick))")
        var submissions = 0
        try PostgresJournal(try PostgresLocation(url)).forEachRecord(after: 0) { record, _ in
            if String(decoding: record.payload, as: UTF8.self).contains("\"applicationSubmitted\"") { submissions += 1 }
            return true
        }
        #expect(submissions == 1)
    }
}
