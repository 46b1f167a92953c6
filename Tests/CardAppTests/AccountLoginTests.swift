import CardApp
import Foundation
import CardDomain
import Testing
import TerminalUI

/// D10 through the screens, driven by keys: captcha after a failure, lock after five.
@Suite struct AccountLoginTests {
    /// From the web's login choice to 个人登录 > 账号登录.
    func openPersonAccountLogin(_ model: inout AppModel) {
        model.type([.down, .tab, .down, .enter])
    }

    @Test func aPersonLogsInByIDNumberAndSeesTheirHome() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        openPersonAccountLogin(&model)
        #expect(model.accountLogin?.captcha == nil)
        model.type("110105195609090137")
        model.type([.tab])
        model.type(AppFixture.password)
        model.type([.enter])
        #expect(model.isHome)
        #expect(model.session?.actor.personNumber == "110105195609090137")
        #expect(model.screen().contains("本人申请社会保障卡"))
    }

    @Test func aFailureAsksTheNextTryHereForANewCaptcha() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        openPersonAccountLogin(&model)
        model.type("110105195609090137\twrong\r".map { $0 == "\t" ? .tab : $0 == "\r" ? .enter : .character($0) })
        #expect(model.accountLogin?.captcha?.code == "1111")
        #expect(model.accountLogin?.form.fields.first { $0.id == "password" }?.problem == "用户名或密码不正确。还没有设置登录密码请选「注册」，忘记了请选「忘记密码」")
        #expect(model.accountLogin?.form.value("login") == "110105195609090137")
        #expect(model.screen().contains(Captcha(code: "1111").drawing[4].trimmingCharacters(in: .whitespaces)))
        // The right password with a wrong captcha is refused, the captcha changes, and the
        // password (not checked) stays.
        model.type(AppFixture.password)
        model.type([.tab])
        model.type("9999")
        model.type([.enter])
        #expect(!model.isHome)
        #expect(model.accountLogin?.captcha?.code == "2222")
        #expect(model.accountLogin?.form.focusedField?.id == "captcha")
        #expect(model.accountLogin?.form.value("password") == AppFixture.password)
        model.type("2222")
        model.type([.enter])
        #expect(model.isHome)
        #expect(!fixture.repository.state.needsCaptcha(terminal: "T01"))
    }

    @Test func fiveWrongPasswordsLockTheAccountForFifteenMinutes() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .counter)
        model.type([.enter])
        for attempt in 1...5 {
            #expect(model.accountLogin?.form.focusedField?.id == (attempt == 1 ? "login" : "password"))
            if attempt == 1 { model.type("guitai01"); model.type([.tab]) }
            model.type("bad\(attempt)")
            if let code = model.accountLogin?.captcha?.code { model.type([.tab]); model.type(code) }
            model.type([.enter])
        }
        let locked = try #require(model.accountLogin?.form.summary)
        #expect(locked.contains("账号已锁定 15 分钟，请于 14:20 后再试"))
        // Even the right password is refused while locked, and is not counted.
        model.type(AppFixture.password)
        model.type([.tab])
        model.type(model.accountLogin?.captcha?.code ?? "")
        model.type([.enter])
        #expect(!model.isHome)
        #expect(model.accountLogin?.form.summary?.contains("已锁定") == true)
        // Fifteen minutes later it opens again.
        let later = AppFixture.start + 15 * 60_000_000 + 1
        model.type(AppFixture.password, at: later)
        model.type([.tab], at: later)
        model.type(model.accountLogin?.captcha?.code ?? "", at: later)
        model.type([.enter], at: later)
        #expect(model.isHome)
        #expect(model.screen(at: later).contains("查询人员并代办"))
    }

    @Test func anAccountOfAnotherRoleIsSentToItsOwnTab() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        openPersonAccountLogin(&model)
        model.type("guitai01")
        model.type([.tab])
        model.type(AppFixture.password)
        model.type([.enter])
        #expect(!model.isHome)
        #expect(model.accountLogin?.form.summary?.contains("这是「窗口经办」账号") == true)
    }

    @Test func emptyFieldsAreAllNamedAtOnce() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        openPersonAccountLogin(&model)
        model.type([.tab, .enter])
        #expect(model.accountLogin?.form.summary == "! 有 2 处需要修改：用户名/手机号/身份证号 请输入用户名/手机号/身份证号；密码 请输入密码")
        #expect(model.accountLogin?.form.focusedField?.id == "login")
    }

    @Test func everyTryIsInTheJournalWithoutThePassword() throws {
        let fixture = try AppFixture()
        var model = try fixture.model()
        openPersonAccountLogin(&model)
        model.type("13800000000")
        model.type([.tab])
        model.type("Secret-123")
        model.type([.enter])
        let failures = fixture.repository.state.captchaTerminals
        #expect(failures == ["T01"])
        let state = fixture.repository.state
        #expect(state.loginFailures.isEmpty, "an unknown name counts against no account")
    }
}
