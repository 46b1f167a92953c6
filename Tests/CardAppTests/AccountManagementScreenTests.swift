@testable import CardApp
import CardDomain
import CardStore
import SnapshotSupport
import TerminalUI
import Testing

/// 账号管理 on screen (issue 27 §3): an administrator creates a clerk, who logs in with the
/// temporary password and must set a new one first; changes are refused with their reason
/// and recorded with who made them.
@Suite struct AccountManagementScreenTests {
    /// The administrator's model on 账号管理's 新建账号 form.
    func newAccountForm(_ fixture: AppFixture) throws -> AppModel {
        var model = try fixture.model(channel: .counter)
        model.logIn("admin")
        model.choose("accounts")
        model.focus("create")
        model.type([.enter])
        guard case .accountForm = model.page else { Issue.record("no form"); return model }
        return model
    }

    func dialogText(_ model: AppModel) -> String? {
        if case .message(let dialog)? = model.overlay { return dialog.message }
        return nil
    }

    @Test func aClerkCreatedOnScreenSetsANewPasswordBeforeAnythingElse() throws {
        let fixture = try AppFixture()
        var admin = try newAccountForm(fixture)
        Snapshot.assertMatches(admin.screen(), named: "account-form")
        admin.type("guitai09")
        admin.type([.tab])
        admin.type("王芳")
        // A branch outside the list cannot be chosen; one from it is, as the list offers it.
        admin.updateForm { _ = $0.setValue("中国工商银行北京朝阳支行", for: "workplace") }
        admin.focus("save")
        admin.type([.enter])
        let shown = try #require(dialogText(admin))
        let temporary = String(try #require(shown.firstMatch(of: /临时密码：([A-Za-z0-9-]+)/)?.1))
        #expect(shown.contains("72 小时内有效"))
        #expect(fixture.repository.state.accounts["guitai09"]?.mustChangePassword == true)
        admin.type([.enter])
        Snapshot.assertMatches(admin.screen(), named: "account-detail")

        var clerk = try fixture.model(channel: .counter)
        clerk.type([.enter])
        clerk.type("guitai09")
        clerk.type([.tab])
        clerk.type(temporary)
        clerk.type([.enter])
        guard case .changePassword = clerk.page else { Issue.record("not asked for a new password: \(clerk.screen())"); return }
        Snapshot.assertMatches(clerk.screen(), named: "change-password")
        // Esc leaves without a session: the next login asks again.
        clerk.type("Password1!")
        clerk.type([.tab])
        clerk.type("Password1!")
        clerk.type([.enter])
        #expect(clerk.screen().contains("弱密码词典"))
        #expect(clerk.session == nil)
        clerk.type("Xy7#Guitai09z")
        clerk.type([.tab])
        clerk.type("Xy7#Guitai09z")
        clerk.type([.enter])
        #expect(clerk.screen().contains("不能包含用户名"))
        clerk.type("Kq7#mZp2vL")
        clerk.type([.tab])
        clerk.type("Kq7#mZp2vX")
        clerk.type([.enter])
        #expect(clerk.screen().contains("两次输入的新密码不一致"))
        clerk.focus("newPassword")
        clerk.updateForm { _ = $0.setValue("", for: "newPassword") }
        clerk.type("Kq7#mZp2vL")
        clerk.type([.tab])
        clerk.type("Kq7#mZp2vL")
        clerk.type([.enter])
        #expect(clerk.session?.actor.username == "guitai09")
        #expect(fixture.repository.state.accounts["guitai09"]?.mustChangePassword == false)
        let account = try #require(fixture.repository.state.accounts["guitai09"])
        #expect(PasswordHash(encoded: account.passwordHash)?.verify("Kq7#mZp2vL") == true)
    }

    @Test func refusalsNameTheirFieldAndKeepWhatWasTyped() throws {
        let fixture = try AppFixture()
        var admin = try newAccountForm(fixture)
        admin.type("GUITAI01")
        admin.type([.tab])
        admin.type("重名")
        admin.focus("save")
        admin.type([.enter])
        let screen = admin.screen()
        #expect(screen.contains("已被使用") && screen.contains("窗口经办须选择所属网点"))
        #expect(admin.currentForm.value("username") == "GUITAI01" && admin.currentForm.value("displayName") == "重名")
        #expect(fixture.repository.state.accounts["GUITAI01"] == nil)
    }

    @Test func anAdministratorDisablesAClerkWhoIsThenRefusedAndEveryChangeIsInTheHistory() throws {
        let fixture = try AppFixture()
        var admin = try fixture.model(channel: .counter)
        admin.logIn("admin")
        admin.choose("accounts")
        admin.focus("query")
        admin.type("guitai01")
        admin.type([.enter])
        admin.focus("accounts")
        admin.type([.enter])
        guard case .accountDetail = admin.page else { Issue.record("not opened: \(admin.screen())"); return }
        admin.focus("disable")
        admin.type([.enter, .enter])
        #expect(fixture.repository.state.accounts["guitai01"]?.isDisabled == true)
        #expect(admin.screen().contains("已停用") && admin.screen().contains("停用  admin"))
        var clerk = try fixture.model(channel: .counter)
        clerk.logIn("guitai01")
        #expect(clerk.session == nil && clerk.screen().contains(CardState.disabledMessage))
        // Disabling yourself is refused, with the reason.
        admin.type([.escape])
        admin.focus("query")
        admin.updateForm { _ = $0.setValue("", for: "query") }
        admin.type("admin")
        admin.type([.enter])
        admin.focus("accounts")
        admin.type([.enter])
        admin.focus("disable")
        admin.type([.enter, .enter])
        #expect(dialogText(admin)?.contains("不能停用自己的账号") == true)
        #expect(fixture.repository.state.accounts["admin"]?.isDisabled != true)
    }
}

/// 系统状态 on the administrator's home shows what `sscard status` prints.
@Suite struct SystemStatusScreenTests {
    @Test func theAdministratorSeesTheStatusWithItsReasons() throws {
        let fixture = try AppFixture()
        var admin = try fixture.model(channel: .counter)
        admin.logIn("admin")
        admin.choose("status")
        let screen = admin.screen()
        #expect(screen.contains("系统状态") && screen.contains("日志：") && screen.contains("还没有备份过"), "\(screen)")
        admin.focus("back")
        admin.type([.enter])
        #expect(admin.isHome)
    }
}
