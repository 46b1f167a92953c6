@testable import CardApp
import CardDomain
import CardResources
import CardStore
import SystemPackage
import Testing
import TerminalUI

/// Drafts are saved after every completed step and resumed at the next login, from the
/// journal on disk (a new repository, as a new process would open it).
@Suite struct DraftResumeTests {
    @Test func aSessionThatEndsMidFlowResumesAtTheSameStepWithEverything() throws {
        let fixture = try AppFixture()
        var first = try fixture.model(channel: .jingtong)
        first.logIn("110105195609090137")
        first.choose("apply")
        first.type([.character(" "), .enter])
        first.walkPage()                  // 资格校验
        first.focus("residenceAddress")
        first.type([.control("u")])
        first.type("北京市朝阳区劲松街道9号")
        first.walkPage()                  // 核对基本信息, with a changed address
        #expect(first.wizard?.flow.currentStep.id == "supplement")
        #expect(first.screen().contains("草稿已保存 14:05"))
        first.focus("occupation")
        // The session dies here: nothing of this page was completed.

        let reopened = try CardRepository(data: DataDirectory(FilePath(fixture.directory)), reference: CardResources.referenceData())
        defer { reopened.close() }
        let draft = try #require(reopened.state.draft(of: "110105195609090137"))
        #expect(draft.step == "echo")
        #expect(draft.form.residenceAddress == "北京市朝阳区劲松街道9号")

        var second = try fixture.model(channel: .jingtong, terminal: "T02")
        second.logIn("110105195609090137")
        second.choose("apply")
        guard case .message(let notice)? = second.overlay else { Issue.record("no resume notice"); return }
        #expect(notice.title == "已恢复草稿")
        // It names when the draft was saved, and does not claim the unfinished step was kept.
        #expect(notice.message.hasPrefix("已恢复 2026-11-21 14:05 保存的草稿。"))
        #expect(notice.message.contains("这一步上次没有完成，其中输入的内容没有保存"))
        #expect(!notice.message.contains("已填写的内容都在。"))
        second.type([.enter])
        let resumed = try #require(second.wizard)
        #expect(resumed.flow.currentStep.id == "supplement")
        #expect(resumed.flow.form.residenceAddress == "北京市朝阳区劲松街道9号")
        second.walkApplication()
        #expect(fixture.repository.state.applicationInProgress(of: "110105195609090137")?.form.residenceAddress
                == "北京市朝阳区劲松街道9号")
    }

    @Test func aStepWithAProblemIsNotSavedAndKeepsWhatWasTyped() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .jingtong)
        model.logIn("110105195609090137")
        model.choose("apply")
        model.type([.character(" "), .enter])
        model.walkPage()
        model.focus("mobile")
        model.type([.control("u")])
        model.type("1390003")
        model.focus("validityStart")
        model.type([.control("u")])
        model.type("20300101")
        model.walkPage()
        let screen = model.screen()
        #expect(screen.contains("! 有 2 处需要修改"))
        #expect(screen.contains("卡预留手机号"))
        #expect(model.currentForm.value("mobile") == "1390003")
        #expect(fixture.repository.state.draft(of: "110105195609090137")?.step == "eligibility")
    }
}
