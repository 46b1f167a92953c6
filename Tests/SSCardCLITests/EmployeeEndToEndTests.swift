import Foundation
import Testing

/// Flows U1 and E in the real binary, in tmux, with the demo units and employees: the
/// operator of 星河数码 opens collective application, and employees confirm in each channel.
/// The journal is checked with `journal dump`.
@Suite(.serialized) struct EmployeeEndToEndTests {
    let retiree = RetireeEndToEndTests()

    /// 法人登录 > 口令登录 as xinghe-admin; opens with 单位代领 = 否, 北京银行 朝阳支行.
    func openXinghe(_ tmux: TmuxSession) throws {
        try retiree.logIn(tmux, keys: ["Tab", "Down", "Enter"], as: "xinghe-admin")
        let home = try tmux.waitFor("职工申请情况查询")
        #expect(home.contains("单位开通集体申请") && home.contains("职工申请信息提交"), "\(home)")
        try tmux.send("Enter")
        let form = try tmux.waitFor("单位开通集体申请资料填写")
        #expect(form.contains("91110105MA01A2B325") && form.contains("10000001"), "\(form)")
        try tmux.type("北京市朝阳区望京街道阜通东大街1号")
        try tmux.send("Tab")
        try tmux.type("周明")
        try tmux.send("Tab")
        try tmux.type("110105198207150524")
        try tmux.send("Tab")
        try tmux.type("13800010009")
        // 开通 and 单位代领 = 否 are chosen already; the bank list filters as typed.
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.type("北京银行")
        try tmux.send("Enter")
        try tmux.type("朝阳")
        try tmux.send("Enter")
        try tmux.waitFor("[北京银行朝阳支行")
        try tmux.send("Enter")
        try tmux.waitFor("已开通集体申请，请通知职工登录确认个人信息")
        try tmux.send("Enter")
        #expect(try tmux.quitWithF10Twice() == 0)
    }

    /// Front, back and card photo from the demo images, then the step's button.
    func photos(_ tmux: TmuxSession) throws {
        try tmux.send("Enter")
        try retiree.pick(tmux, "id-front.png")
        try tmux.send("Enter")
        try retiree.pick(tmux, "id-back.png")
        try tmux.send("Enter")
        try retiree.pick(tmux, "card-photo.png")
        try tmux.waitFor("已上传 358x441")
        try tmux.send("Enter")
    }

    @Test func xingheOpensAndZhangWeiConfirmsOnTheWebWithBankMail() throws {
        let (directory, unit) = try retiree.start(["--channel", "web"])
        try openXinghe(unit)
        let tmux = try retiree.session(directory, ["--channel", "web"])
        try retiree.logIn(tmux, keys: ["Down", "Tab", "Down", "Enter"], as: "110105198803120313")
        try tmux.waitFor("单位集体申请社会保障卡-个人信息确认")
        try tmux.send("Enter")
        try tmux.waitFor("我同意")
        try tmux.send("Space", "Enter")
        try tmux.waitFor("个人基本信息")
        // 证件有效期限开始日期, 常住所在地地址, 卡预留手机号, 民族, then 职业, which has no default.
        try tmux.send("Tab", "Tab", "Tab", "Tab")
        try tmux.type("1")
        try tmux.send("Enter", "Tab", "Enter")
        try tmux.waitFor("上传身份证")
        try photos(tmux)
        let pickup = try tmux.waitFor("本人网点领取")
        #expect(!pickup.contains("邮寄接收人"), "no mail fields until 银行网点邮寄 is chosen: \(pickup)")
        try tmux.send("Down")
        try tmux.waitFor("邮寄接收人")
        try tmux.send("Tab", "Tab", "Tab", "Tab", "Enter")
        try tmux.waitFor("请核对以下申请信息")
        // The page's button is drawn after its rows: then the whole summary is on screen.
        let summary = try tmux.waitFor("下一页")
        #expect(summary.contains("银行网点邮寄") && summary.contains("邮寄接收地址"), "\(summary)")
        try tmux.send("Enter")
        try tmux.waitFor("申请人郑重承诺")
        try tmux.send("Space", "Tab", "Enter")
        let done = try tmux.waitFor("个人信息已确认，请等待单位统一提交制卡申请")
        #expect(done.contains("信息已确认") && done.contains("确认时间"), "\(done)")
        let journal = try retiree.dump(directory)
        #expect(journal.contains("\"kind\":\"collectiveSettingsSaved\""))
        #expect(journal.contains("\"unitCollects\":false"))
        #expect(journal.contains("\"kind\":\"employeeConfirmed\""))
        #expect(journal.contains("\"pickupMethod\":\"bankMail\""))
        #expect(!journal.contains("110105198207150524"), "the operator's ID number is masked")
    }

    @Test func liuYangConfirmsIn京通WithUnitCollectionFixed() throws {
        let (directory, tmux) = try retiree.start(["--channel", "jingtong"])
        let summary = try confirmIn京通(tmux, as: "13800020001")
        #expect(summary.contains("单位代领") && !summary.contains("收件人"), "\(summary)")
        let journal = try retiree.dump(directory)
        #expect(journal.contains("\"kind\":\"employeeConfirmed\""))
        #expect(journal.contains("\"pickupMethod\":\"unitCollects\""))
        #expect(journal.contains("\"channel\":\"jingtong\""))
    }

    @Test func zhaoMinConfirmsIn民生一卡通AfterItsPopup() throws {
        let (directory, tmux) = try retiree.start(["--channel", "minsheng"])
        try retiree.logIn(tmux, keys: ["Enter", "Enter"], as: "110106199811030845", realName: "赵敏", directory: directory)
        try tmux.send("Enter")
        try tmux.waitFor("确认信息")
        try tmux.send("Enter")
        try tmux.waitFor("我已阅读并同意免责声明")
        try tmux.send("Space", "Enter")
        try tmux.waitFor("身份识别")
        try tmux.send("Enter")
        try retiree.pick(tmux, "id-front.png")
        try tmux.send("Enter")
        try retiree.pick(tmux, "id-back.png")
        try tmux.waitFor("读卡器读取")
        try tmux.send("Tab", "Enter")
        try tmux.waitFor("基本信息")
        try tmux.send("Tab", "Tab")
        try tmux.type("1")
        try tmux.send("Enter", "Enter")
        try tmux.waitFor("制卡照片")
        try tmux.send("Enter")
        try retiree.pick(tmux, "card-photo.png")
        try tmux.send("Enter")
        try tmux.waitFor("手机号和银行")
        try tmux.send("Tab", "Tab", "Enter")
        try tmux.waitFor("单位已选择单位代领")
        try tmux.send("Enter")
        try tmux.waitFor("请核对以下申请信息")
        try tmux.send("Enter")
        try tmux.waitFor("我已阅读并同意")
        try tmux.send("Space", "Tab", "Enter")
        try tmux.waitFor("信息确认成功")
        let journal = try retiree.dump(directory)
        #expect(journal.contains("\"kind\":\"employeeConfirmed\"") && journal.contains("\"channel\":\"minsheng\""))
    }

    @Test func aClerkConfirmsForChenJieAtTheCounter() throws {
        let (directory, clerk) = try retiree.start(["--channel", "counter"])
        try retiree.logIn(clerk, keys: ["Enter"], as: "guitai01")
        try clerk.send("Enter")
        try clerk.waitFor("证件号码或姓名")
        try clerk.type("陈")
        try clerk.send("Enter")
        try clerk.waitFor("110102********0777")
        try clerk.send("Enter")
        try clerk.waitFor("单位已开通集体申请，可以确认个人信息")
        try clerk.send("Enter")
        try clerk.waitFor("申请人已知悉并同意")
        try clerk.send("Space", "Enter")
        try clerk.waitFor("核对基本信息")
        try clerk.send("Tab", "Tab", "Tab", "Enter")
        try clerk.waitFor("补充信息")
        try clerk.send("Tab")
        try clerk.type("1")
        try clerk.send("Enter", "Tab", "Enter")
        try clerk.waitFor("上传照片")
        try photos(clerk)
        try clerk.waitFor("单位已选择单位代领")
        try clerk.send("Tab", "Enter")
        try clerk.waitFor("请核对以下申请信息")
        try clerk.send("Enter")
        try clerk.waitFor("申请人已核对并同意")
        try clerk.send("Space", "Tab", "Enter")
        try clerk.waitFor("是否确认代职工提交个人信息确认")
        try clerk.send("Enter")
        let receipt = try clerk.waitFor("已代职工确认个人信息")
        #expect(receipt.contains("窗口代办：guitai01"), "\(receipt)")
        let journal = try retiree.dump(directory)
        #expect(journal.contains("\"assisting\":\"110102********0777\""))
        #expect(journal.contains("\"kind\":\"employeeConfirmed\""))
    }

    /// 京通, where 单位代领 is fixed: the employee only walks through and confirms.
    /// Returns the summary shown before the pledge.
    @discardableResult
    func confirmIn京通(_ tmux: TmuxSession, as login: String) throws -> String {
        try retiree.logIn(tmux, keys: ["Space", "Tab", "Enter", "Enter"], as: login)
        try tmux.waitFor("单位集体申领-个人信息确认（修改）")
        try tmux.send("Enter")
        try tmux.waitFor("确定申领")
        try tmux.send("Space", "Enter")
        try tmux.waitFor("核对基本信息")
        try tmux.send("Tab", "Tab", "Tab", "Enter")
        try tmux.waitFor("补充信息")
        try tmux.send("Tab")
        try tmux.type("1")
        try tmux.send("Enter", "Tab", "Enter")
        try tmux.waitFor("单位已选择单位代领，不可更改")
        try tmux.send("Enter")
        try tmux.waitFor("开户信息")
        // The unit's branch by default; 京通 lets the employee choose another of its bank (D6).
        try tmux.waitFor("[北京银行朝阳支行")
        try tmux.send("Tab", "Enter")
        try tmux.waitFor("上传照片")
        try photos(tmux)
        try tmux.waitFor("请核对以下申请信息")
        // The page's button is drawn after its rows: then the whole summary is on screen.
        let summary = try tmux.waitFor("下一页")
        try tmux.send("Enter")
        try tmux.waitFor("我已阅读并同意")
        try tmux.send("Space", "Tab", "Enter")
        try tmux.waitFor("个人信息已确认，单位统一提交后开始制卡")
        return summary
    }

    /// D15: two employees confirmed with 单位代领; the operator turns it off, is told it
    /// affects both, saves, and each is back at 待确认 and sees why.
    @Test func theUnitTurnsOffCollectionAfterTwoConfirmedAndBothSeeWhy() throws {
        let (directory, first) = try retiree.start(["--channel", "jingtong"])
        try confirmIn京通(first, as: "13800020001")
        let second = try retiree.session(directory, ["--channel", "jingtong"])
        try confirmIn京通(second, as: "13800020002")
        let unit = try retiree.session(directory, ["--channel", "web"])
        try retiree.logIn(unit, keys: ["Tab", "Down", "Enter"], as: "shequ-admin")
        try unit.send("Enter")
        try unit.waitFor("单位已于此前提交资料")
        // To 是否支持单位代领 (address, name, ID, phone, 开通 before it), then 否.
        try unit.send("Tab", "Tab", "Tab", "Tab", "Tab", "Down")
        try unit.waitFor("(*) 否")
        try unit.send("Tab", "Tab", "Tab", "Enter")
        let dialog = try unit.waitFor("确认保存单位资料？")
        #expect(dialog.contains("2 名已确认信息的职工（刘洋、陈杰）"), "\(dialog)")
        try unit.send("Enter")
        try unit.waitFor("已有 2 名职工回到「待确认」")
        let back = try retiree.session(directory, ["--channel", "web"])
        try retiree.logIn(back, keys: ["Down", "Tab", "Down", "Enter"], as: "110101198501150626")
        try back.send("Down", "Enter")
        let progress = try back.waitFor("待确认")
        #expect(progress.contains("单位已调整领卡方式或办卡银行，请重新确认个人信息"), "\(progress)")
        let journal = try retiree.dump(directory)
        #expect(journal.components(separatedBy: "\"to\":\"待确认\"").count - 1 == 2)
        #expect(journal.contains("\"unitCollects\":false"))
    }
}
