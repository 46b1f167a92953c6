@testable import CardApp
import CardDomain
import CardStore
import Foundation
import Journal
import Testing

/// Every try at login is an event, refused or not, and the captcha follows the account
/// as well as the terminal.
@Suite struct LoginRecordTests {
    func attempts(_ fixture: AppFixture) throws -> [LoginAttempt] {
        var found: [LoginAttempt] = []
        try JournalReader(directory: fixture.repository.data.journal).forEach { _, _, _, payload in
            if case .loginAttempted(let attempt)? = try? EventCodec.decode(payload).event { found.append(attempt) }
        }
        return found
    }

    func login(_ fixture: AppFixture, terminal: String, password: String, captcha: String = "",
               expected: String? = nil) throws -> AccountLogin.Outcome {
        let context = CommandContext(now: AppFixture.start, today: CalendarDate(year: 2026, month: 11, day: 21)!,
                                     terminal: terminal, channel: .counter)
        return try AccountLogin(repository: fixture.repository, context: context)
            .attempt(login: "guitai01", password: password, captcha: captcha, expectedCaptcha: expected,
                     groupActor: "staff", method: "account")
    }

    @Test func wrongCaptchasAndTriesWhileLockedAreRecordedToo() throws {
        let fixture = try AppFixture()
        #expect(try login(fixture, terminal: "T1", password: "bad") == .refused(field: "password", message: "用户名或密码不正确，请重新输入"))
        // The next try here needs the captcha; a wrong one is refused and recorded.
        guard case .refused(field: "captcha", _) = try login(fixture, terminal: "T1", password: "bad", captcha: "0000", expected: "1234") else {
            Issue.record("a wrong captcha was not refused")
            return
        }
        for _ in 1...4 { _ = try login(fixture, terminal: "T1", password: "bad", captcha: "1234", expected: "1234") }
        guard case .refused(_, let locked) = try login(fixture, terminal: "T1", password: AppFixture.password,
                                                       captcha: "1234", expected: "1234") else { return }
        #expect(locked.contains("已锁定"))
        let recorded = try attempts(fixture)
        #expect(recorded.count == 7)
        #expect(recorded.map(\.refusal) == [.wrongPassword, .wrongCaptcha, .wrongPassword, .wrongPassword, .wrongPassword,
                                            .wrongPassword, .locked])
        #expect(recorded.allSatisfy { !$0.succeeded })
        #expect(recorded[5].lockedUntil != nil, "the fifth wrong password locks")
    }

    /// A script that takes a new terminal name for every run still meets the captcha.
    @Test func theCaptchaFollowsTheAccountToAnotherTerminal() throws {
        let fixture = try AppFixture()
        _ = try login(fixture, terminal: "script-run-1", password: "bad")
        let outcome = try login(fixture, terminal: "script-run-2", password: AppFixture.password)
        #expect(outcome == .refused(field: "captcha", message: "该账号上次登录失败，请输入图中的验证码"))
        #expect(fixture.repository.state.needsCaptcha(terminal: "script-run-3", username: "guitai01"))
        guard case .loggedIn = try login(fixture, terminal: "script-run-3", password: AppFixture.password,
                                         captcha: "4321", expected: "4321") else {
            Issue.record("the right password with the right captcha did not log in")
            return
        }
        #expect(!fixture.repository.state.needsCaptcha(terminal: "script-run-4", username: "guitai01"))
    }

    /// Twelve wrong tries at once from separate repositories (as separate clerks'
    /// processes), none showing a captcha: all twelve are in the journal, decided one after
    /// another under its lock. The first failure makes the account ask for a captcha, so
    /// the other eleven are refused for that and never reach the password.
    @Test func concurrentWrongTriesAreEachRecorded() throws {
        let fixture = try AppFixture()
        let reference = fixture.repository.reference
        let data = fixture.repository.data
        DispatchQueue.concurrentPerform(iterations: 12) { index in
            guard let repository = try? CardRepository(data: data, reference: reference) else { return }
            defer { repository.close() }
            let context = CommandContext(now: AppFixture.start, today: CalendarDate(year: 2026, month: 11, day: 21)!,
                                         terminal: "C\(index)", channel: .counter)
            _ = try? AccountLogin(repository: repository, context: context)
                .attempt(login: "guitai01", password: "wrong-\(index)", captcha: "", expectedCaptcha: nil,
                         groupActor: "staff", method: "account")
        }
        let recorded = try attempts(fixture)
        #expect(recorded.count == 12)
        #expect(recorded.filter { $0.refusal == .wrongPassword }.count == 1)
        #expect(recorded.filter { $0.refusal == .wrongCaptcha }.count == 11)
    }
}
