@testable import CardApp
import CardDomain
import CardStore
import SnapshotSupport
import Testing
import TerminalUI

/// The counter's 代办 and the back office's moves, through the session model.
@Suite struct CounterAndBackOfficeTests {
    static let sun = "110105195609090137"

    /// A clerk finds 孙建国 by name (masked list), opens him (recorded), applies for him,
    /// and shows the receipt.
    @Test func clerkLooksUpAppliesOnBehalfAndShowsAReceipt() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .counter)
        model.logIn("guitai01")
        model.choose("lookUp")
        model.type("孙")
        model.type([.enter])
        let list = model.screen()
        #expect(list.contains("孙建国  110105********0137"))
        #expect(!list.contains(Self.sun))
        model.type([.enter])
        #expect(model.screen().contains(Self.sun), "the detail shows the whole number to check against the card")
        #expect(try ViewAudit(data: fixture.repository.data).views(of: Self.sun).last?.viewer == "guitai01")
        model.focus("apply")
        model.type([.enter])
        model.type([.character(" "), .enter])
        model.walkApplication()
        guard case .confirmSubmit(let dialog)? = model.overlay else { Issue.record("no 二次确认"); return }
        #expect(dialog.message == "是否确认代申请人提交申领")
        model.type([.enter])
        let receipt = model.screen()
        let application = try #require(fixture.repository.state.applicationInProgress(of: Self.sun))
        #expect(application.assistedBy == "guitai01")
        #expect(application.channel == .counter)
        #expect(receipt.contains(application.id))
        #expect(receipt.contains("窗口代办：guitai01"))
        #expect(receipt.contains("已提交"))
        #expect(receipt.contains("后续安排"))
        #expect(model.session?.actor.assisting == Self.sun)
        // 打印回执: no printer configured here, so the receipt is kept as a PDF, 0600.
        model.focus("print")
        model.type([.enter])
        guard case .message(let printed)? = model.overlay else { Issue.record("no print result"); return }
        #expect(printed.title == "回执已保存", "\(printed.message)")
        let file = try #require(printed.message.split(separator: "：").last.map(String.init))
        #expect(file.hasPrefix(fixture.directory + "/receipts/\(application.id)-"))
        let text = try PDFText.of(file: file).filter { !$0.isWhitespace }
        for part in [application.id, "孙建国110105********0137", "已提交", "个人网点领卡", Receipt.addressUnknown,
                     "窗口经办guitai01", "2026-11-2114:05"] {
            #expect(text.contains(part), "\(part) missing from the receipt:\n\(text)")
        }
        #expect(!text.contains(Self.sun), "the receipt masks the ID number")
        model.type([.enter])
        model.type([.escape])
        #expect(model.session?.actor.assisting == nil, "home ends the assistance")
    }

    /// Back office moves an application along D3 to 已领卡; the person sees every step.
    /// A mistyped check character is an invalid number, not "nobody found".
    @Test func anInvalidIDNumberIsSaidToBeInvalid() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .counter)
        model.logIn("guitai01")
        model.choose("lookUp")
        model.type("110105195609090138")
        model.type([.enter])
        let problem = model.currentForm.fields.first { $0.id == "query" }?.problem
        #expect(problem == "证件号码无效：校验位不正确（最后一位应为 7），请核对号码")
        #expect(model.currentForm.value("query") == "110105195609090138", "what was typed stays")
        // A valid number of nobody is still "not found".
        model.focus("query")
        model.updateForm { $0.fields[0].control = .text(TextField("110105195001010012", maxLength: 30), width: 24) }
        model.type([.enter])
        #expect(model.screen().contains("没有找到符合条件的人员"))
    }

    @Test func backOfficeCycleToCollectedWithTrackingNumber() throws {
        let fixture = try AppFixture()
        var applicant = try fixture.model(channel: .web)
        applicant.applyAndSubmit(as: Self.sun)
        let id = try #require(fixture.repository.state.applicationInProgress(of: Self.sun)?.id)

        var office = try fixture.model(channel: .counter, terminal: "B01")
        office.logIn("houtai01")
        office.choose("queue")
        #expect(office.screen().contains("110105********0137"))
        for target in [ApplicationStatus.inProduction, .produced, .mailed, .collected] {
            let status = try #require(fixture.repository.state.applications[id]?.status)
            office.openQueue(status)
            office.type([.enter])
            guard case .review(let review) = office.page else { Issue.record("no review for \(status)"); return }
            #expect(review.applicationID == id)
            office.chooseTarget(target)
            if target == .mailed {
                office.focus("confirm")
                office.type([.enter])
                #expect(office.screen().contains("请填写邮寄单号"))
                office.focus("tracking")
                office.type("SF1234567890")
            }
            office.focus("confirm")
            office.type([.enter])
            office.type([.enter])
            #expect(fixture.repository.state.applications[id]?.status == target)
        }
        let timeline = try #require(fixture.repository.state.applications[id]?.timeline)
        #expect(timeline.map(\.status) == [.submitted, .inProduction, .produced, .mailed, .collected])
        #expect(timeline[3].trackingNumber == "SF1234567890")

        applicant.type([.escape])
        applicant.choose("myApplications")
        let progress = applicant.screen()
        for word in ["已提交", "制卡中", "制卡成功", "已寄出", "已领卡", "SF1234567890", "后台 houtai01", "本人"] {
            #expect(progress.contains(word), "missing \(word)")
        }
    }

    /// Another process's submission shows in a queue being looked at, at the next tick.
    @Test func aQueueBeingLookedAtShowsAnotherProcesssSubmissionWithoutAKey() throws {
        let fixture = try AppFixture()
        let elsewhere = try CardRepository(data: fixture.repository.data, reference: fixture.repository.reference)
        defer { elsewhere.close() }
        var office = try fixture.model(channel: .counter, terminal: "B01", on: elsewhere)
        office.logIn("houtai01")
        office.choose("queue")
        #expect(office.screen().contains("没有处于「已提交」的申请"))
        var applicant = try fixture.model(channel: .web)
        applicant.applyAndSubmit(as: Self.sun)
        #expect(office.tick(now: AppFixture.start + 1_000_000) == .running)
        #expect(office.screen().contains("110105********0137"))
        #expect(office.screen().contains("已提交（1）"))
    }

    /// A long queue shows its oldest applications first and says how many more wait.
    @Test func aLongQueueShowsTheOldestFirstAndSaysHowManyWait() throws {
        let fixture = try AppFixture()
        for retiree in [Self.sun, "110102196104170268"] {
            var applicant = try fixture.model(channel: .web)
            applicant.applyAndSubmit(as: retiree)
        }
        let state = fixture.repository.state
        let oldest = try #require(state.applications(in: .submitted).first)
        #expect(state.applicationCount(in: .submitted) == 2)
        #expect(state.applications(in: .submitted).map(\.id) == state.applications(in: .submitted).map(\.id).sorted())
        let queue = QueueScreen(status: .submitted, state: state, showing: 1)
        #expect(queue.form.value("applications") == oldest.id)
        guard case .note(let note, _) = queue.form.fields.first(where: { $0.id == "more" })?.control else {
            Issue.record("no note on the rows not shown"); return
        }
        #expect(note.contains("共 2 笔，先显示最早提交的 1 笔"))
        #expect(QueueScreen(status: .submitted, state: state).form.fields.allSatisfy { $0.id != "more" })
    }

    /// 照片审核未通过 with a reason; the retiree sees it, replaces the photo, resubmits.
    @Test func photoRejectedThenReplacedAndResubmitted() throws {
        let fixture = try AppFixture()
        var applicant = try fixture.model(channel: .web)
        applicant.applyAndSubmit(as: Self.sun)
        let id = try #require(fixture.repository.state.applicationInProgress(of: Self.sun)?.id)
        let oldPhoto = fixture.repository.state.applications[id]?.form.cardPhoto

        var office = try fixture.model(channel: .counter, terminal: "B01")
        office.logIn("houtai01")
        office.choose("queue")
        office.type([.enter])
        office.chooseTarget(.photoRejected)
        office.focus("confirm")
        office.type([.enter])
        #expect(office.screen().contains("请填写「照片审核未通过」的原因"))
        office.focus("reason")
        office.type("背景不是白色")
        office.focus("confirm")
        office.type([.enter])
        #expect(fixture.repository.state.applications[id]?.status == .photoRejected)

        try TestPhotos.writeReplacement(to: fixture.photos)
        applicant.type([.escape])
        applicant.choose("myApplications")
        #expect(applicant.screen().contains("原因：背景不是白色"))
        applicant.focus("correct-" + id)
        applicant.type([.enter])
        #expect(applicant.screen().contains("退回原因：背景不是白色"))
        applicant.type([.enter])
        applicant.focus("cardPhoto")
        applicant.type([.enter])
        applicant.pickPhoto(TestPhotos.replacement)
        applicant.walkApplication()
        applicant.type([.enter])
        let application = try #require(fixture.repository.state.applications[id])
        #expect(application.status == .submitted)
        #expect(application.form.cardPhoto != oldPhoto)
        #expect(application.timeline.map(\.status) == [.submitted, .photoRejected, .submitted])
    }

    @Test func aWrongPhotoIsRefusedWithItsActualSizeAndNothingIsLost() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .web)
        model.logIn(Self.sun)
        model.choose("apply")
        model.type([.character(" "), .enter])
        model.type([.enter])
        model.pickPhoto(TestPhotos.wrongSize)
        #expect(model.screen().contains("尺寸为 400x500，应为 358x441"))
        // The picker stays on the typed path after a refusal: clear it and type another.
        model.type([.control("u")])
        model.type(fixture.photos + "/" + TestPhotos.notAnImage)
        model.type([.enter])
        #expect(model.screen().contains("不是 JPG 或 PNG 图片"))
        model.type([.escape])
        #expect(model.wizard?.flow.form.cardPhoto == nil)
        #expect(model.screen().contains("选择照片文件"))
    }
}

extension AppModel {
    mutating func openQueue(_ status: ApplicationStatus) {
        showQueue(status)
        focus("applications")
    }

    mutating func chooseTarget(_ status: ApplicationStatus) {
        guard case .review(let screen) = page, case .radio(let group)? = screen.form.fields.first(where: { $0.id == "target" })?.control,
              let index = group.options.firstIndex(where: { $0.id == status.rawValue }) else { return }
        focus("target")
        updateForm { form in _ = form.setValue(group.options[index].id, for: "target") }
    }
}
