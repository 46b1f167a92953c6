import CardDomain
import CardStore
import SnapshotSupport
import Testing
import TerminalUI
@testable import CardApp

/// 民生一卡通's 手机号验证码登录 and 实名认证: the code through the SMS outbox, its limits from
/// terminal.json, and the real-name check once per person and channel.
@Suite struct SMSLoginTests {
    static let sun = "110105195609090137"
    static let sunPhone = "13900030001"
    static let second: Int64 = 1_000_000

    /// 民生一卡通 > 手机号验证码登录 (the second method of its only tab).
    static func smsScreen(_ fixture: AppFixture) throws -> AppModel {
        var model = try fixture.model(channel: .minsheng)
        model.type([.down, .enter])
        #expect(model.screen().contains("短信验证码"))
        return model
    }

    static func requestCode(_ model: inout AppModel, phone: String = sunPhone, at now: Int64 = AppFixture.start) {
        model.focus("phone")
        model.type(phone, at: now)
        model.focus("send")
        model.type([.enter], at: now)
    }

    static func enterCode(_ model: inout AppModel, _ code: String, at now: Int64 = AppFixture.start) {
        model.focus("code")
        model.type(code, at: now)
        model.focus("login")
        model.type([.enter], at: now)
    }

    @Test func theCodeGoesToTheOutboxAndOnlyItsHashIsRecorded() throws {
        let fixture = try AppFixture()
        var model = try Self.smsScreen(fixture)
        Snapshot.assertMatches(model.screen(), named: "sms-login")
        Self.requestCode(&model)
        let screen = model.screen()
        #expect(screen.contains("验证码已发送至 139****0001，5 分钟内有效"))
        #expect(screen.contains("重新获取（60 秒）"))
        Snapshot.assertMatches(screen, named: "sms-login-sent")
        let outbox = try SMSOutbox(data: fixture.repository.data).entries()
        #expect(outbox.count == 1 && outbox[0].phone == Self.sunPhone && outbox[0].message.contains("135790"))
        let stored = try #require(fixture.repository.state.smsLogins[Self.sunPhone])
        #expect(!stored.codeHash.contains("135790") && stored.codeHash.hasPrefix("$scrypt$"))
        // Sending again must wait the policy's 60 seconds.
        model.focus("send")
        model.type([.enter], at: AppFixture.start + 30 * Self.second)
        #expect(model.screen().contains("请 30 秒后再重新获取"))
        #expect(try SMSOutbox(data: fixture.repository.data).entries().count == 1)
    }

    @Test func aNumberNotOnFileIsRefusedWithoutSayingWhose() throws {
        let fixture = try AppFixture()
        var model = try Self.smsScreen(fixture)
        Self.requestCode(&model, phone: "13912345678")
        let screen = model.screen()
        #expect(screen.contains("该手机号不是社保卡预留手机号"))
        #expect(try SMSOutbox(data: fixture.repository.data).entries().isEmpty)
        #expect(model.currentForm.value("phone") == "13912345678", "the number typed stays")
    }

    @Test func fiveWrongCodesLockTheNumber() throws {
        let fixture = try AppFixture()
        var model = try Self.smsScreen(fixture)
        Self.requestCode(&model)
        for attempt in 1...4 {
            Self.enterCode(&model, "000000")
            #expect(model.screen().contains("验证码不正确，还可以再试 \(5 - attempt) 次"))
            #expect(model.currentForm.value("code").isEmpty && model.currentForm.value("phone") == Self.sunPhone)
        }
        Self.enterCode(&model, "000000")
        #expect(model.screen().contains("该手机号已锁定至 14:20"))
        // Even the right code is refused while it is locked, and no new code is sent.
        Self.enterCode(&model, "135790", at: AppFixture.start + 2 * Self.second)
        #expect(model.session == nil && model.screen().contains("已锁定"))
        model.focus("send")
        model.type([.enter], at: AppFixture.start + 70 * Self.second)
        #expect(model.screen().contains("已锁定") && model.session == nil)
    }

    @Test func anExpiredCodeIsRefused() throws {
        let fixture = try AppFixture()
        var model = try Self.smsScreen(fixture)
        Self.requestCode(&model)
        Self.enterCode(&model, "135790", at: AppFixture.start + 301 * Self.second)
        #expect(model.screen().contains("验证码已过期，请重新获取") && model.session == nil)
    }

    /// The first login on 民生一卡通 asks 实名认证; the face check is approved through the
    /// identity port; the next login goes straight home.
    @Test func theFirstLoginAsksRealNameOnceThenNeverAgain() throws {
        let fixture = try AppFixture()
        var model = try Self.smsScreen(fixture)
        Self.requestCode(&model)
        Self.enterCode(&model, "135790")
        #expect(model.session == nil)
        Snapshot.assertMatches(model.screen(), named: "real-name")
        model.focus("name")
        model.type("孙建国")
        model.focus("idNumber")
        model.type("110105195609090138")
        model.focus("next")
        model.type([.enter])
        #expect(model.screen().contains("姓名或身份证号与登记信息不一致"))
        model.focus("idNumber")
        model.type([.backspace])
        model.type("7")
        model.focus("next")
        model.type([.enter])
        let face = model.screen()
        #expect(face.contains("ACDE-FHJK"))
        Snapshot.assertMatches(face, named: "real-name-face", allowing: "▀▄█")
        // The code carries whose face it is for: approving it as another person is refused
        // at once, to the one approving it, and the terminal goes on waiting.
        #expect {
            try fixture.repository.execute(.decideLoginCode(code: "ACDEFHJK", identity: "110102196104170268", reason: nil),
                                           by: CodeLoginTests.platform, context: CodeLoginTests.context())
        } throws: { error in
            "\(error)".contains("只能确认为证件号码 110105********0137 的本人") && "\(error)".contains("110102********0268")
        }
        _ = model.tick(now: AppFixture.start + Self.second)
        #expect(model.session == nil && model.screen().contains("ACDE-FHJK"))
        try fixture.repository.execute(.decideLoginCode(code: "ACDEFHJK", identity: Self.sun, reason: nil),
                                       by: CodeLoginTests.platform, context: CodeLoginTests.context())
        _ = model.tick(now: AppFixture.start + 2 * Self.second)
        #expect(model.session?.actor.personNumber == Self.sun)
        #expect(fixture.repository.state.realNames[Self.sun] == [.minsheng])
        // Next time: no 实名认证.
        var again = try Self.smsScreen(fixture)
        Self.requestCode(&again, at: AppFixture.start + 61 * Self.second)
        Self.enterCode(&again, "135790", at: AppFixture.start + 62 * Self.second)
        #expect(again.session?.actor.personNumber == Self.sun)
    }
}
