@testable import CardApp
import CardDomain
import Testing
import TerminalUI

/// An unattended counter screen once kept a person's whole ID and phone in view for
/// over 14 minutes. After terminal.json's staffLockSeconds it hides and asks again.
@Suite struct StaffLockTests {
    static let sun = "110105195609090137"

    func clerkOnSunsDetail(_ fixture: AppFixture) -> AppModel {
        var model = try! fixture.model(channel: .counter)
        model.logIn("guitai01")
        model.choose("lookUp")
        model.type("孙")
        model.type([.enter, .enter])
        return model
    }

    @Test func anIdleStaffScreenHidesAndAsksForThePasswordAndKeepsTheWork() throws {
        let fixture = try AppFixture()
        var model = clerkOnSunsDetail(fixture)
        #expect(model.screen().contains(Self.sun))
        let seconds = Int64(model.environment.policy.staffLockSeconds)
        #expect(seconds == 300)
        _ = model.tick(now: AppFixture.start + (seconds - 1) * 1_000_000)
        #expect(!model.isLocked)
        let later = AppFixture.start + seconds * 1_000_000
        _ = model.tick(now: later)
        #expect(model.isLocked)
        let hidden = model.screen(at: later)
        #expect(!hidden.contains(Self.sun) && !hidden.contains("孙建国"))
        #expect(hidden.contains("屏幕已锁定"))
        #expect(hidden.contains("Enter 解锁") && hidden.contains("F10 退出登录"))
        // A wrong password is refused, recorded, and brings the captcha.
        model.type("wrong", at: later)
        model.type([.enter], at: later)
        guard case .screenLocked(let lock)? = model.overlay else { Issue.record("unlocked by a wrong password"); return }
        let code = try #require(lock.captcha?.code)
        #expect(fixture.repository.state.captchaAccounts.contains("guitai01"))
        model.type(AppFixture.password, at: later)
        model.type([.tab], at: later)
        model.type(code, at: later)
        model.type([.enter], at: later)
        #expect(!model.isLocked)
        #expect(model.screen(at: later).contains(Self.sun), "the person's detail is still there")
    }

    @Test func f10OnTheLockLogsOutAndAPersonsSessionNeverLocks() throws {
        let fixture = try AppFixture()
        var model = clerkOnSunsDetail(fixture)
        let later = AppFixture.start + 301 * 1_000_000
        _ = model.tick(now: later)
        model.type([.function(10)], at: later)
        #expect(model.session == nil && !model.isLocked)

        var person = try fixture.model()
        person.logIn(Self.sun)
        _ = person.tick(now: later)
        #expect(!person.isLocked)
    }

    /// A dialog open when the screen locked is there again after unlocking.
    @Test func aDialogOpenAtTheLockComesBack() throws {
        let fixture = try AppFixture()
        var model = clerkOnSunsDetail(fixture)
        model.type([.function(10)])
        guard case .confirmQuit? = model.overlay else { Issue.record("no quit question"); return }
        let later = AppFixture.start + 301 * 1_000_000
        _ = model.tick(now: later)
        #expect(model.isLocked)
        model.type(AppFixture.password, at: later)
        model.type([.enter], at: later)
        guard case .confirmQuit? = model.overlay else { Issue.record("the dialog was lost: \(String(describing: model.overlay))"); return }
    }
}
