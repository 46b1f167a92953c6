import CardApp
import CardDomain
import SnapshotSupport
import Testing
import TerminalUI

/// Every screen of the shell at 80x24, as plain text.
@Suite struct ScreenSnapshotTests {
    @Test(arguments: [Channel.web, .jingtong, .minsheng, .counter])
    func loginChoiceListsEveryMethodOfTheChannel(channel: Channel) throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: channel)
        Snapshot.assertMatches(model.screen(), named: "login-choice-\(channel.rawValue)")
    }

    @Test func theUnitTabListsTheFiveLegalPersonMethods() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        let screen = model.screen()
        for label in ["证书登录", "口令登录", "电子营业执照登录", "事业单位电子证书登录", "其他渠道登录"] { #expect(screen.contains(label)) }
        model.type([.down])
        let person = model.screen()
        for label in ["扫码登录", "账号登录", "其他渠道登录"] { #expect(person.contains(label)) }
    }

    /// Each login screen at 80x24 before anything is typed: the person's 账号登录, the unit's
    /// 口令登录 and the staff login.
    @Test(arguments: [("web", [Key.down, .tab, .down, .enter], "account-login"),
                      ("web", [Key.tab, .down, .enter], "account-login-unit"),
                      ("counter", [Key.enter], "account-login-staff")])
    func everyAccountLoginScreen(channel: String, keys: [Key], name: String) throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: Channel(rawValue: channel)!)
        model.type(keys)
        #expect(model.screen().contains("密码"))
        Snapshot.assertMatches(model.screen(), named: name)
    }

    @Test func accountLoginWithCaptchaAndErrors() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        model.type([.down, .tab, .down, .enter])
        model.type("110105195609090137")
        model.type([.tab])
        model.type("wrong")
        model.type([.enter])
        Snapshot.assertMatches(model.screen(), named: "account-login-captcha")
    }

    /// 京通's 人脸识别 shows its one-time code, and still offers account login.
    @Test func faceRecognitionShowsItsCodeAndOffersAccountLogin() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .jingtong)
        model.type([.character(" "), .tab, .enter])
        Snapshot.assertMatches(model.screen(), named: "login-code-face", allowing: "▀▄█")
        model.type([.enter])
        #expect(model.accountLogin?.method.id == "account")
        #expect(model.session == nil)
    }

    @Test func jingtongAsksForConsentFirst() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .jingtong)
        model.type([.tab, .enter])
        #expect(model.screen().contains("! 请先阅读并勾选「同意」"))
    }

    @Test func homeScreensPerRole() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .counter)
        model.type([.enter])
        model.type("guitai01")
        model.type([.tab])
        model.type(AppFixture.password)
        model.type([.enter])
        Snapshot.assertMatches(model.screen(), named: "home-counter-clerk")
        model.type([.enter])
        #expect(model.screen().contains("查询人员并代办"))
    }

    /// 账号管理 lists every recorded account whole, with persons' ID numbers masked.
    @Test func accountManagementListsTheAccounts() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .counter)
        model.logIn("admin")
        model.choose("accounts")
        Snapshot.assertMatches(model.screen(), named: "accounts-list")
        #expect(!model.screen().contains("110105195609090137") && model.screen().contains("110105********0137"))
    }

    @Test func elderLayoutIsRoomier() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .minsheng, elder: true)
        model.type([.enter])
        Snapshot.assertMatches(model.screen(), named: "elder-login-code-minsheng", allowing: "▀▄█")
    }

    @Test func aSmallTerminalGetsANoticeAndKeepsTheInput() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        model.type([.down, .tab, .down, .enter])
        model.type("孙建国")
        let small = model.render(width: 60, height: 20, now: AppFixture.start).grid.text
        Snapshot.assertMatches(small, named: "too-small")
        #expect(model.screen().contains("[孙建国"))
    }

    /// While the notice is up nothing of the page is on screen: a typed letter, Enter or
    /// Esc must not act on it unseen. Only resize, Ctrl-L and F10 (with its question) do.
    @Test func keysDoNothingUnseenWhileTheNoticeIsUp() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        model.type([.down, .tab, .down, .enter])
        model.type("孙建国")
        _ = model.render(width: 60, height: 20, now: AppFixture.start)
        model.type("x")
        model.type([.enter, .tab, .escape, .backspace])
        #expect(model.accountLogin?.form.value("login") == "孙建国")
        #expect(model.accountLogin?.form.focusedField?.id == "login")
        model.type([.function(10)])
        let asked = model.render(width: 60, height: 20, now: AppFixture.start).grid.text
        #expect(asked.contains("确认退出") && asked.contains("Enter 确定"))
        model.type([.escape])
        #expect(model.overlay == nil)
        #expect(model.screen().contains("[孙建国"))
    }

    @Test func helpAndQuitDialogs() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        model.type([.function(1)])
        Snapshot.assertMatches(model.screen(), named: "help-login-choice")
        model.type([.character("x")])
        model.type([.function(10)])
        Snapshot.assertMatches(model.screen(), named: "confirm-quit")
    }
}
