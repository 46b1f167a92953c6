@testable import CardApp
import CardDomain
import CardStore
import SnapshotSupport
import TerminalUI
import Testing

/// 注册 and 忘记密码 (issue 27 §4): a person the bureau loaded, with no account, proves who
/// they are by 姓名, 身份证号 and an SMS code, sets a password and logs in with it. The page
/// reads the same for someone not in the records.
@Suite struct RegistrationTests {
    static let number = "110108195603120410"
    static let phone = "13700001111"

    /// A retiree loaded as `records import` loads one: in the records, no account.
    func fixtureWithImportedRetiree() throws -> AppFixture {
        let fixture = try AppFixture()
        var person = try #require(fixture.repository.state.person("110105195609090137"))
        person.name = "周桂兰"
        person.documentNumber = Self.number
        person.birthDate = CalendarDate(year: 1956, month: 3, day: 12)!
        person.mobile = Self.phone
        try fixture.repository.execute(.recordPerson(person), by: .system("records-import"), context: CodeLoginTests.context())
        return fixture
    }

    /// The web's 个人登录 > 账号登录, then 注册.
    func registration(_ fixture: AppFixture, elder: Bool = false) throws -> AppModel {
        var model = try fixture.model(channel: .web, elder: elder)
        model.type(model.currentForm.value("group") == "person" ? [.tab, .down, .enter] : [.down, .tab, .down, .enter])
        model.focus("register")
        model.type([.enter])
        return model
    }

    func identify(_ model: inout AppModel, name: String, number: String) {
        model.focus("name")
        model.type(name)
        model.focus("idNumber")
        model.type(number)
        model.focus("send")
        model.type([.enter])
    }

    @Test func anImportedPersonRegistersByTheirPhoneAndLogsInWithTheNewPassword() throws {
        let fixture = try fixtureWithImportedRetiree()
        var model = try registration(fixture)
        Snapshot.assertMatches(model.screen(), named: "registration-identify")
        identify(&model, name: "周桂兰", number: Self.number)
        let sentScreen = model.screen()
        Snapshot.assertMatches(sentScreen, named: "registration-code")
        // Someone not in the records, or with the wrong name, sees the very same page, and no SMS goes out.
        var stranger = try registration(fixture)
        identify(&stranger, name: "周桂兰", number: "110101199003070011")
        #expect(stranger.screen() == sentScreen)
        var wrongName = try registration(fixture)
        identify(&wrongName, name: "周桂芳", number: Self.number)
        #expect(wrongName.screen() == sentScreen)
        let outbox = try SMSOutbox(data: fixture.repository.data).entries()
        #expect(outbox.count == 1 && outbox[0].phone == Self.phone && outbox[0].message.contains("135790"))
        // A wrong code reads as any wrong code; a weak password is named and nothing is recorded.
        model.focus("code")
        model.type("135791")
        model.type([.tab])
        model.type("Kq7#mZp2vL")
        model.type([.tab])
        model.type("Kq7#mZp2vL")
        model.type([.enter])
        #expect(model.screen().contains(CardState.codeRefusal))
        model.focus("code")
        model.updateForm { _ = $0.setValue("135790", for: "code") }
        model.focus("newPassword")
        model.type("Zhou110108195603120410")
        model.type([.tab])
        model.type("Zhou110108195603120410")
        model.type([.enter])
        #expect(model.screen().contains("不能包含身份证号"))
        #expect(fixture.repository.state.accounts[Self.number] == nil)
        model.focus("newPassword")
        model.type("Kq7#mZp2vL")
        model.type([.tab])
        model.type("Kq7#mZp2vL")
        model.type([.enter])
        #expect(model.screen().contains("登录密码已设置"))
        let account = try #require(fixture.repository.state.accounts[Self.number])
        #expect(account.role == .person && PasswordHash(encoded: account.passwordHash)?.verify("Kq7#mZp2vL") == true)
        model.type([.enter])
        model.focus("password")
        model.type("Kq7#mZp2vL")
        model.type([.enter])
        #expect(model.session?.actor.personNumber == Self.number, "\(model.screen())")
    }

    @Test func theElderLayoutAsksTheSameInRoomierScreens() throws {
        let fixture = try fixtureWithImportedRetiree()
        var model = try registration(fixture, elder: true)
        Snapshot.assertMatches(model.screen(), named: "registration-identify-elder")
        identify(&model, name: "周桂兰", number: Self.number)
        Snapshot.assertMatches(model.screen(), named: "registration-code-elder")
    }
}
