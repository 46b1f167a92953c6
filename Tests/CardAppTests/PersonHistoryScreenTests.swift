@testable import CardApp
import CardDomain
import CardStore
import SnapshotSupport
import TerminalUI
import Testing

/// A person's 变更记录 on screen (issue 27 §3): a clerk reads what imports changed in the
/// person's record, their account's changes and their applications, each with who and when.
@Suite struct PersonHistoryScreenTests {
    static let sun = "110105195609090137"

    @Test func aClerkReadsWhatChangedAPersonAndWho() throws {
        let fixture = try AppFixture()
        let context = CommandContext(now: AppFixture.start + 60_000_000, today: CalendarDate(year: 2026, month: 11, day: 21)!,
                                     terminal: "shell", channel: .counter)
        var person = try #require(fixture.repository.state.person(Self.sun))
        person.mobile = "13911112222"
        person.residenceAddress = "北京市朝阳区望京街道10号"
        try fixture.repository.execute(.recordPerson(person), by: .system("shell:ops"), context: context)

        var model = try fixture.model(channel: .counter)
        model.logIn("guitai01")
        model.openPerson(Self.sun)
        guard case .personDetail = model.page else { Issue.record("no detail: \(model.screen())"); return }
        #expect(!model.screen().contains("变更记录："), "the history is read only when asked")
        model.walkApplicationOnBehalf()
        model.type([.enter])
        let application = try #require(fixture.repository.state.applicationInProgress(of: Self.sun))
        model.type([.escape])
        model.openPerson(Self.sun)
        model.focus("show-history")
        model.type([.enter])
        guard case .personDetail(let detail) = model.page else { Issue.record("left the detail: \(model.screen())"); return }
        guard case .note(let history, _)? = detail.form.fields.first(where: { $0.id == "history" })?.control else {
            Issue.record("no 变更记录: \(model.screen())"); return
        }
        #expect(history.contains("更新人员信息：常住地址、卡预留手机号  shell:ops"), "\(history)")
        #expect(history.contains("提交申请 \(application.id)  guitai01"), "\(history)")
        let lines = history.split(separator: "\n")
        #expect(lines.firstIndex { $0.contains("常住地址") }! < lines.firstIndex { $0.contains("提交申请") }!, "oldest first")
        #expect(detail.form.focusedField?.id == "back")
    }

    @Test func anotherPersonsRecordsAreNotInTheHistory() throws {
        let fixture = try AppFixture()
        let history = try PersonHistory(documentNumber: Self.sun, data: fixture.repository.data).entries
        #expect(history.map(\.what) == ["登记人员信息", "登记账号"], "\(history.map(\.what))")
        #expect(try PersonHistory(documentNumber: "110101190001010000", data: fixture.repository.data).entries.isEmpty)
    }
}
