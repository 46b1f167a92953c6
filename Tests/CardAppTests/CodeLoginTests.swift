import CardDomain
import SnapshotSupport
import Testing
import TerminalUI
@testable import CardApp

/// Platform logins on the terminal (D10): the code shown, the journal followed on each
/// tick, the login once the port approves, the refusal or the expiry said plainly.
@Suite struct CodeLoginTests {
    static let sun = "110105195609090137"
    static let platform = Actor.system("platform")

    static func context() -> CommandContext {
        CommandContext(now: AppFixture.start, today: CalendarDate(year: 2026, month: 11, day: 21)!, terminal: "platform", channel: .web)
    }

    /// 个人登录 > 扫码登录 on the web.
    static func scan(_ fixture: AppFixture) throws -> AppModel {
        var model = try fixture.model(channel: .web)
        model.type([.down, .tab, .enter])
        return model
    }

    @Test func anApprovedScanLogsInAtTheNextTick() throws {
        let fixture = try AppFixture()
        var model = try Self.scan(fixture)
        let screen = model.screen()
        #expect(screen.contains("ACDE-FHJK") && screen.contains("2 分 0 秒"))
        Snapshot.assertMatches(screen, named: "login-code-waiting", allowing: "▀▄█")
        // The clock's ticks keep the focus where the user put it.
        model.focus("back")
        #expect(model.tick(now: AppFixture.start + 1_000_000) == .running)
        #expect(model.session == nil)
        #expect(model.currentForm.focusedField?.id == "back")
        try fixture.repository.execute(.decideLoginCode(code: "ACDEFHJK", identity: Self.sun, reason: nil), by: Self.platform,
                                       context: Self.context())
        _ = model.tick(now: AppFixture.start + 2_000_000)
        #expect(model.session?.actor.personNumber == Self.sun)
        #expect(model.screen(at: AppFixture.start + 2_000_000).contains("本人申请社会保障卡"))
        let attempt = fixture.repository.state.loginCodes[LoginCode.hash("ACDEFHJK")]
        #expect(attempt?.used == true)
    }

    @Test func aDeniedCodeSaysWhyAndOffersANewOne() throws {
        let fixture = try AppFixture()
        var model = try Self.scan(fixture)
        try fixture.repository.execute(.decideLoginCode(code: "ACDEFHJK", identity: nil, reason: "扫码人未通过实名认证"), by: Self.platform,
                                       context: Self.context())
        _ = model.tick(now: AppFixture.start + 1_000_000)
        let screen = model.screen()
        #expect(screen.contains("未能登录：扫码人未通过实名认证"))
        Snapshot.assertMatches(screen, named: "login-code-denied", allowing: "▀▄█")
        model.focus("renew")
        model.type([.enter])
        #expect(model.screen().contains("KMNP-0002"))
    }

    @Test func anExpiredCodeCannotBeApproved() throws {
        let fixture = try AppFixture()
        var model = try Self.scan(fixture)
        _ = model.tick(now: AppFixture.start + 121_000_000)
        #expect(model.screen().contains("登录码已过期"))
        Snapshot.assertMatches(model.screen(), named: "login-code-expired", allowing: "▀▄█")
        var late = Self.context()
        late.now += 121_000_000
        #expect(throws: CommandRefusal.self) {
            try fixture.repository.execute(.decideLoginCode(code: "ACDEFHJK", identity: Self.sun, reason: nil), by: Self.platform, context: late)
        }
        #expect(model.session == nil)
    }

    @Test func aUnitLogsInByItsNumberOn法人登录() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .web)
        // 法人登录 > 电子营业执照登录 (the third method).
        model.type([.tab, .down, .down, .enter])
        #expect(model.screen().contains("电子营业执照登录"))
        try fixture.repository.execute(.decideLoginCode(code: "ACDEFHJK", identity: "10000001", reason: nil), by: Self.platform,
                                       context: Self.context())
        _ = model.tick(now: AppFixture.start + 1_000_000)
        #expect(model.session?.actor.unitNumber == "10000001")
    }
}

/// The accessible line mode has no clock: an empty answer looks again, and the platform's
/// approval that came meanwhile logs in; the waiting page's one button is never pressed for the user.
@Suite struct PlainCodeLoginTests {
    final class Transcript {
        var lines: [String] = []
        var looks = 0
    }

    @Test func anEmptyAnswerLooksAgainAndLogsInOnceApproved() throws {
        let fixture = try AppFixture()
        let model = try fixture.model(channel: .web)
        var answers = ["2", "1"]
        let transcript = Transcript()
        var console = PlainConsole(model: model, readLine: { _ in
            guard transcript.lines.last?.contains("直接回车刷新") == true else { return answers.isEmpty ? nil : answers.removeFirst() }
            transcript.looks += 1
            if transcript.looks == 2 {
                // The platform approved between the first look and the second.
                _ = try? fixture.repository.execute(.decideLoginCode(code: "ACDEFHJK", identity: CodeLoginTests.sun, reason: nil),
                                                    by: CodeLoginTests.platform, context: CodeLoginTests.context())
            }
            return transcript.looks > 2 ? nil : ""
        }, write: { transcript.lines.append($0) }, now: { AppFixture.start })
        _ = console.run()
        let text = transcript.lines.joined(separator: "\n")
        #expect(text.contains("登录码：ACDE-FHJK"))
        #expect(text.contains("您好，孙建国"), "\(text)")
        #expect(transcript.looks == 2)
    }
}
