@testable import CardApp
import CardDomain
import Testing

/// The accessible line mode runs the same retiree flow: photos as typed paths, the
/// 二次确认 as y/n, and no escape sequences.
@Suite struct PlainRetireeFlowTests {
    @Test func aRetireeAppliesLineByLine() throws {
        let fixture = try AppFixture()
        let model = try fixture.model()
        let photos = fixture.photos + "/"
        let lines = ["2", "2", "110105195609090137", AppFixture.password, "",
                     "",                                            // 本人申请社会保障卡
                     "y",                                           // 我同意
                     "1", photos + TestPhotos.wrongSize,            // refused, asked again
                     "1", photos + TestPhotos.cardPhoto,
                     "2", photos + TestPhotos.idFront, "3", photos + TestPhotos.idBack, "4",
                     "", "", "",                                    // 职业, 区, 地址 as prefilled
                     "", "", "", "",                                // 领卡方式 and the mail fields
                     "y",                                           // 我已阅读并同意
                     "y"]                                           // 是否确认提交个人申领
        let (text, _, _) = model.runPlain(lines)
        #expect(text.contains("未采用：尺寸为 400x500，应为 358x441"))
        #expect(text.contains("是否确认提交个人申领"))
        // Each photo is named in the list of actions, not three times "选择照片文件".
        #expect(text.contains("制卡照片：选择照片文件") && text.contains("身份证背面原件照片：选择照片文件"))
        #expect(text.contains("您已完成个人申领业务办理，请在个人中心我的办事中查看办事进度"))
        #expect(!text.contains("\u{1B}"))
        let application = try #require(fixture.repository.state.applicationInProgress(of: "110105195609090137"))
        #expect(application.form.cardPhoto?.size == PixelSize(width: 358, height: 441))
    }

    /// 职业 and 区 were asked as codes ("[80]"), and an answer matching nothing was
    /// dropped in silence. Now: the label, a list, a keyword, and a message for a miss.
    @Test func listQuestionsShowLabelsAcceptWordsAndAnswerAMiss() throws {
        let fixture = try AppFixture()
        let model = try fixture.model()
        let photos = fixture.photos + "/"
        let lines = ["2", "2", "110105195609090137", AppFixture.password, "", "", "y",
                     "1", photos + TestPhotos.cardPhoto, "2", photos + TestPhotos.idFront, "3", photos + TestPhotos.idBack, "4",
                     "教师",                          // no such 职业: told so, asked again
                     "人员",                          // several: listed, numbered
                     "2",                             // the second of them
                     "海淀",                          // 区 by a word
                     "q", "", "q", ""]
        let (text, _, _) = model.runPlain(lines)
        #expect(text.contains("*职业 [离退休人员]："))
        #expect(text.contains("没有与「教师」相符的职业"))
        #expect(text.contains("与「人员」相符的有"))
        #expect(text.contains("已选择：海淀区"))
        #expect(!text.contains("[80]") && !text.contains("[110105]"))
    }

    /// An employee confirms line by line too: 单位代领 is stated, not asked.
    @Test func anEmployeeConfirmsLineByLine() throws {
        let fixture = try AppFixture()
        let model = try fixture.model()
        let photos = fixture.photos + "/"
        let lines = ["2", "2", "110101198501150626", AppFixture.password, "",
                     "",                                            // 单位集体申请社会保障卡-个人信息确认
                     "y",                                           // 我同意
                     "", "", "", "", "职员", "",                    // 职业 has no default
                     "1", photos + TestPhotos.idFront, "2", photos + TestPhotos.idBack,
                     "3", photos + TestPhotos.cardPhoto, "4",
                     "y"]                                           // 申请人郑重承诺
        let (text, _, _) = model.runPlain(lines)
        #expect(text.contains("单位代领"))
        #expect(text.contains("个人信息已确认，请等待单位统一提交制卡申请"), "\(text.suffix(1500))")
        #expect(!text.contains("\u{1B}"))
        let application = try #require(fixture.repository.state.applications(ofPerson: "110101198501150626").first)
        #expect(application.status == .confirmed && application.form.occupation == "17")
    }
}
