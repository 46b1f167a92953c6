import CardApp
import CardDomain
import Testing
import TerminalUI

/// F10, Esc and the kiosk's rules, driven by keys and a clock.
@Suite struct SessionKeysTests {
    @Test func f10AsksAndEnterExitsWithStatusZero() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        #expect(model.handle(.function(10), now: AppFixture.start) == .running)
        #expect(model.handle(.escape, now: AppFixture.start) == .running)
        #expect(model.overlay == nil)
        _ = model.handle(.function(10), now: AppFixture.start)
        #expect(model.handle(.enter, now: AppFixture.start) == .exit(0))
    }

    @Test func f10WhenLoggedInLogsOut() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .counter)
        model.type([.enter])
        model.type("guitai01\t" .map { $0 == "\t" ? Key.tab : .character($0) })
        model.type(AppFixture.password)
        model.type([.enter])
        #expect(model.session != nil)
        _ = model.handle(.function(10), now: AppFixture.start)
        #expect(model.screen().contains("确认退出登录？"))
        #expect(model.handle(.enter, now: AppFixture.start) == .redraw)
        #expect(model.session == nil)
    }

    @Test func escAsksBeforeDiscardingTypedInput() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        model.type([.down, .tab, .down, .enter])
        model.type("13800010001")
        model.type([.escape])
        #expect(model.screen().contains("已输入的账号和密码将被清除"))
        model.type([.right, .enter])
        #expect(model.accountLogin?.form.value("login") == "13800010001")
        model.type([.escape, .enter])
        #expect(model.accountLogin == nil)
    }

    @Test func aKioskCannotBeLeftAndIgnoresControlC() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(kiosk: true)
        #expect(model.handle(.control("c"), now: AppFixture.start) == .running)
        #expect(model.overlay == nil)
        _ = model.handle(.function(10), now: AppFixture.start)
        #expect(model.screen().contains("不能退出"))
        #expect(model.handle(.enter, now: AppFixture.start) == .running)
        #expect(model.handle(.control("z"), now: AppFixture.start) == .running)
    }

    @Test func anIdleKioskWarnsThenClearsTheSession() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .counter, kiosk: true)
        model.type([.enter])
        model.type("guitai01\t".map { $0 == "\t" ? Key.tab : .character($0) })
        model.type(AppFixture.password)
        model.type([.enter])
        #expect(model.session != nil)
        let second: Int64 = 1_000_000
        #expect(model.tick(now: AppFixture.start + 99 * second) == .running)
        #expect(model.overlay == nil)
        _ = model.tick(now: AppFixture.start + 100 * second)
        #expect(model.overlay == .idleWarning)
        #expect(model.screen(at: AppFixture.start + 105 * second).contains("15 秒后将自动退出登录"))
        #expect(model.tick(now: AppFixture.start + 120 * second) == .redraw)
        #expect(model.session == nil)
        #expect(model.screen(at: AppFixture.start + 120 * second).contains("登录方式"))
    }

    @Test func aKeyDuringTheWarningKeepsTheSession() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(kiosk: true)
        model.type([.tab, .down, .enter])  // a kiosk opens on 个人登录
        model.type("110105")
        let second: Int64 = 1_000_000
        _ = model.tick(now: AppFixture.start + 110 * second)
        _ = model.handle(.character("x"), now: AppFixture.start + 111 * second)
        #expect(model.overlay == nil)
        _ = model.tick(now: AppFixture.start + 200 * second)
        #expect(model.accountLogin?.form.value("login") == "110105")
    }

    @Test func theElderKioskGivesMoreTime() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(kiosk: true, elder: true)
        _ = model.tick(now: AppFixture.start + 200 * 1_000_000)
        #expect(model.overlay == nil)
        _ = model.tick(now: AppFixture.start + 240 * 1_000_000)
        #expect(model.overlay == .idleWarning)
    }

    @Test func theAccessibleModeRunsTheSameLoginAsPrompts() throws {
        let fixture = try AppFixture()
        let model = try fixture.model()
        let lines = ["2", "2", "110105195609090137", AppFixture.password, "", "", "q", ""]
        let (text, code, console) = model.runPlain(lines)
        #expect(text.contains("1) 法人登录"))
        #expect(text.contains("2) 账号登录"))
        #expect(text.contains("您好，孙建国（个人）"))
        #expect(text.contains("1) 本人申请社会保障卡"), "the web's own entry button")
        // Every menu asks for an answer; no line is a stray "：".
        #expect(!text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "：" }, "\(text)")
        #expect(text.contains("请选择要办理的业务"))
        #expect(!text.contains("\u{1B}"))
        #expect(code == 0)
        #expect(console.model.session == nil, "q logs out")
    }

    /// After one typo a screen-reader user met a drawn captcha and was locked out. In the
    /// accessible mode the digits are said in words; answering them logs in.
    @Test func theAccessibleModeSaysTheCaptchaInWords() throws {
        let fixture = try AppFixture()
        let model = try fixture.model()
        // Wrong password first (Enter takes 登录); then the captcha (the fixture's first is 1111) with the right one.
        let lines = ["2", "2", "110105195609090137", "wrong", "", "110105195609090137", AppFixture.password, "1111", "", "", "q", ""]
        let (text, _, _) = model.runPlain(lines)
        #expect(text.contains("图形验证码：请在下面输入这几个数字（阿拉伯数字）：一 一 一 一"))
        #expect(!text.contains("####") && !text.contains("@@@"), "no drawing in the accessible mode")
        #expect(text.contains("您好，孙建国（个人）"))
    }

    /// A kiosk serves people: it opens on 个人登录, and going back from a method keeps it.
    @Test func aKioskOpensOnPersonalLoginAndBackKeepsTheChosenIdentity() throws {
        let fixture = try AppFixture()
        var kiosk = try fixture.model(kiosk: true)
        #expect(kiosk.currentForm.value("group") == "person")
        var web = try fixture.model()
        #expect(web.currentForm.value("group") == "unitOperator", "the web lists 法人登录 first")
        web.type([.down, .tab, .enter])
        web.type([.escape])
        #expect(web.currentForm.value("group") == "person", "back on the tab that was chosen")
        kiosk.type([.tab, .enter, .escape])
        #expect(kiosk.currentForm.value("group") == "person")
    }
}
