import Foundation
import Testing

/// Issue 27's "done when", in the real binary in tmux, exactly as docs/OPERATIONS.md walks
/// it: from an empty data directory, `sscard setup`; the administrator imports units and
/// persons on screen and creates a clerk; the clerk sets a new password and does a 代办 for
/// an imported retiree; an imported employee registers on the web and confirms their
/// unit's application. Nobody here is in the demo.
@Suite(.serialized) struct OperatorPathEndToEndTests {
    let retiree = RetireeEndToEndTests()
    static let administratorPassword = "Kq7#mZp2vL"
    static let clerkPassword = "Gt9$wXr4nB"
    static let operatorPassword = "Op3&hJk8sQ"
    static let employeePassword = "Wz5%tYq2mC"
    static let retireeNumber = "110108195603120410"
    static let employeeNumber = "110105199007150524"

    func writeFiles(_ directory: String) throws {
        try """
        单位编号,单位名称,统一社会信用代码,所在区,单位地址,经办人姓名,经办人证件号码,经办人手机号码
        20000001,北京星河软件有限公司,91110105MA01ABCD26,朝阳区,北京市朝阳区望京街道1号,赵敏,,13911112222
        """.write(toFile: directory + "/units.csv", atomically: true, encoding: .utf8)
        try """
        姓名,证件号码,证件有效期限开始日期,常住所在地地址,常住地所在区,卡预留手机号,人员状态,单位编号,养老金代发银行,养老金代发网点
        周桂兰,\(Self.retireeNumber),2015-03-01,北京市海淀区学院路20号,海淀区,13700001111,退休,,中国工商银行,中国工商银行北京海淀支行
        吴志强,\(Self.employeeNumber),2018-07-01,北京市朝阳区望京街道5号,朝阳区,13700002222,在职,20000001,,
        """.write(toFile: directory + "/persons.csv", atomically: true, encoding: .utf8)
    }

    /// 工作人员登录 with a user name and password; then the home menu, or the forced change.
    func staffLogIn(_ tmux: TmuxSession, _ username: String, _ password: String, keys: [String] = ["Enter"]) throws {
        try tmux.waitFor("登录")
        try tmux.send(keys)
        try tmux.waitFor("密码")
        try tmux.type(username)
        try tmux.send("Tab")
        try tmux.type(password)
        try tmux.send("Enter")
    }

    /// The forced 设置新密码 after a temporary password.
    func setNewPassword(_ tmux: TmuxSession, _ password: String) throws {
        try tmux.waitFor("设置新密码")
        try tmux.type(password)
        try tmux.send("Tab")
        try tmux.type(password)
        try tmux.send("Enter")
        try tmux.waitFor("密码已修改")
        try tmux.send("Enter")
        try tmux.waitFor("请选择要办理的业务")
    }

    /// On an import page: the file by its path in the picker, the dry run, then 确认导入.
    func importFile(_ tmux: TmuxSession, _ path: String, expecting count: Int) throws {
        try tmux.waitFor("【选择文件】")
        try tmux.send("Enter")
        try tmux.waitFor("选用")
        try tmux.send("Tab", "C-u")
        try tmux.type(path)
        try tmux.send("Enter")
        let checked = try tmux.waitFor("确认导入")
        #expect(checked.contains("将导入         \(count)"), "\(checked)")
        try tmux.send("Enter")
        let done = try tmux.waitFor("【返回首页】")
        #expect(done.contains("已导入         \(count)") && done.contains("有问题         0"), "\(done)")
        try tmux.send("Escape")
        try tmux.waitFor("请选择要办理的业务")
    }

    @Test func fromAnEmptyDirectoryToAClerksDaibanAndAnEmployeesConfirmation() throws {
        let directory = try SSCardProcess.temporaryDirectory()
        let data = directory + "/data"
        try writeFiles(directory)
        try RetireeEndToEndTests.makeDemoImages(in: directory + "/photos")

        // 1. setup, the password typed at the terminal (not echoed) twice.
        let setup = try TmuxSession(arguments: ["setup", "--data-dir", data], directory: directory)
        try setup.waitFor("用户名")
        try setup.type("boss")
        try setup.send("Enter")
        try setup.waitFor("姓名")
        try setup.type("系统管理员")
        try setup.send("Enter")
        try setup.waitFor("新密码")
        try setup.type(Self.administratorPassword)
        try setup.send("Enter")
        try setup.waitFor("再次输入")
        try setup.type(Self.administratorPassword)
        try setup.send("Enter")
        let created = try setup.waitFor("SSCARD-ENDED")
        #expect(created.contains("已创建部署") && !created.contains(Self.administratorPassword), "\(created)")

        // 2. and 3. The administrator imports on screen, then creates the clerk.
        let admin = try retiree.session(directory, ["--channel", "counter"])
        try staffLogIn(admin, "boss", Self.administratorPassword)
        let home = try admin.waitFor("请选择要办理的业务")
        #expect(home.contains("导入单位信息") && home.contains("导入人员信息") && home.contains("账号管理"))
        try admin.send("Enter")
        try importFile(admin, directory + "/units.csv", expecting: 1)
        try admin.send("Down", "Enter")
        try importFile(admin, directory + "/persons.csv", expecting: 2)
        try admin.send("Down", "Down", "Enter")
        try admin.waitFor("新建账号")
        try admin.send("BTab", "Enter")
        try admin.waitFor("创建账号")
        try admin.type("guitai09")
        try admin.send("Tab")
        try admin.type("王芳")
        try admin.send("Tab", "Tab", "Enter")
        try admin.type("中国工商银行北京朝阳")
        try admin.send("Enter")
        try admin.waitFor("[中国工商银行北京朝阳支行")
        // Choosing from the list moved on to 单位编号; the button is next.
        try admin.send("Tab", "Enter")
        let shown = try admin.waitFor("临时密码：")
        let temporary = String(try #require(shown.firstMatch(of: /临时密码：([A-Za-z0-9-]+)/)?.1, "\(shown)"))
        try admin.send("Enter")
        try admin.waitFor("须修改密码")
        #expect(try admin.quitWithF10Twice() == 0)

        // 4. and 5. The clerk sets a new password, then does a 代办 for the imported retiree.
        let clerk = try retiree.session(directory, ["--channel", "counter"])
        try staffLogIn(clerk, "guitai09", temporary)
        try setNewPassword(clerk, Self.clerkPassword)
        try clerk.send("Enter")
        try clerk.waitFor("证件号码或姓名")
        try clerk.type(Self.retireeNumber)
        try clerk.send("Enter")
        try clerk.waitFor("110108********0410")
        try clerk.send("Enter")
        try clerk.waitFor("可以申领")
        try clerk.send("Enter")
        try clerk.waitFor("申请人已知悉并同意")
        try clerk.send("Space", "Enter")
        try clerk.waitFor("开始资格校验")
        try clerk.send("Space", "Tab", "Enter")
        try clerk.waitFor("核对基本信息")
        try clerk.send("Tab", "Tab", "Tab", "Enter")
        try clerk.waitFor("补充信息")
        // The bureau's file had no 民族: the clerk chooses it from the list, which then moves on to 职业.
        try clerk.send("Enter")
        try clerk.type("汉族")
        try clerk.send("Enter")
        try clerk.waitFor("[汉族")
        try clerk.send("Tab", "Tab", "Enter")
        try clerk.waitFor("上传照片")
        try clerk.send("Enter")
        try retiree.pick(clerk, "id-front.png")
        try clerk.send("Enter")
        try retiree.pick(clerk, "id-back.png")
        try clerk.send("Enter")
        try retiree.pick(clerk, nil)
        try clerk.send("Enter")
        try clerk.waitFor("领卡方式")
        try clerk.send("Tab", "Enter")
        try clerk.waitFor("请核对以下申请信息")
        try clerk.send("Enter")
        try clerk.waitFor("申请人已核对并同意")
        try clerk.send("Space", "Tab", "Enter")
        try clerk.waitFor("是否确认代申请人提交申领")
        try clerk.send("Enter")
        let receipt = try clerk.waitFor("后续安排")
        #expect(receipt.contains("窗口代办：guitai09") && receipt.contains("周桂兰"), "\(receipt)")
        #expect(try clerk.quitWithF10Twice() == 0)

        // The unit opens collective application: its operator's account from the shell, then on the web.
        let added = try SSCardProcess.run(["accounts", "add", "--username", "xh-op", "--role", "operator", "--name", "赵敏",
                                           "--unit", "20000001", "--password-to", directory + "/op.txt", "--data-dir", data])
        #expect(added.status == 0, "\(added.error)")
        let line = try String(contentsOfFile: directory + "/op.txt", encoding: .utf8)
        let operatorTemporary = String(try #require(line.firstMatch(of: /临时密码：([A-Za-z0-9-]+)/)?.1))
        let unit = try retiree.session(directory, ["--channel", "web"])
        try staffLogIn(unit, "xh-op", operatorTemporary, keys: ["Tab", "Down", "Enter"])
        try setNewPassword(unit, Self.operatorPassword)
        try unit.send("Enter")
        try unit.waitFor("单位开通集体申请资料填写")
        try unit.type("北京市朝阳区望京街道1号")
        try unit.send("Tab")
        try unit.type("赵敏")
        try unit.send("Tab")
        try unit.type("110105198207150524")
        try unit.send("Tab")
        try unit.type("13911112222")
        try unit.send("Tab", "Tab", "Tab")
        try unit.type("北京银行")
        try unit.send("Enter")
        try unit.type("朝阳")
        try unit.send("Enter")
        try unit.waitFor("[北京银行朝阳支行")
        try unit.send("Enter")
        try unit.waitFor("已开通集体申请，请通知职工登录确认个人信息")
        try unit.send("Enter")
        #expect(try unit.quitWithF10Twice() == 0)

        // 6. The imported employee registers on the web (个人登录 > 账号登录 > 注册) and confirms.
        let web = try retiree.session(directory, ["--channel", "web"])
        try web.waitFor("登录")
        try web.send("Down", "Tab", "Down", "Enter")
        try web.waitFor("注册")
        try web.send("Tab", "Tab", "Tab", "Enter")
        try web.waitFor("获取验证码")
        try web.type("吴志强")
        try web.send("Tab")
        try web.type(Self.employeeNumber)
        try web.send("Tab", "Enter")
        try web.waitFor("如信息无误，验证码已发送至预留手机")
        let outbox = try SSCardProcess.run(["auth", "outbox", "--data-dir", data])
        let sms = try #require(outbox.output.split(separator: "\n").last { $0.contains("137****2222") }, "\(outbox.output)")
        let code = String(try #require(sms.firstMatch(of: /验证码为 (\d{6})/)?.1, "\(sms)"))
        try web.type(code)
        try web.send("Tab")
        try web.type(Self.employeePassword)
        try web.send("Tab")
        try web.type(Self.employeePassword)
        try web.send("Enter")
        try web.waitFor("登录密码已设置")
        try web.send("Enter")
        try web.type(Self.employeePassword)
        try web.send("Enter")
        try web.waitFor("单位集体申请社会保障卡-个人信息确认")
        try web.send("Enter")
        try web.waitFor("我同意")
        try web.send("Space", "Enter")
        try web.waitFor("个人基本信息")
        // 证件有效期限开始日期, 常住所在地地址, 卡预留手机号, then 民族 and 职业, which the bureau's file left empty.
        try web.send("Tab", "Tab", "Tab")
        try web.type("汉族")
        try web.send("Enter")
        try web.waitFor("[汉族")
        try web.type("1")
        try web.send("Enter", "Tab", "Enter")
        try web.waitFor("上传身份证")
        try web.send("Enter")
        try retiree.pick(web, "id-front.png")
        try web.send("Enter")
        try retiree.pick(web, "id-back.png")
        try web.send("Enter")
        try retiree.pick(web, "card-photo.png")
        try web.waitFor("已上传 358x441")
        try web.send("Enter")
        try web.waitFor("本人网点领取")
        try web.send("Tab", "Enter")
        try web.waitFor("请核对以下申请信息")
        try web.waitFor("下一页")
        try web.send("Enter")
        try web.waitFor("申请人郑重承诺")
        try web.send("Space", "Tab", "Enter")
        try web.waitFor("个人信息已确认，请等待单位统一提交制卡申请")

        let journal = try retiree.dump(directory)
        for kind in ["unitRecorded", "personRecorded", "accountChanged", "applicationSubmitted", "employeeConfirmed", "smsCodeSent"] {
            #expect(journal.contains("\"kind\":\"\(kind)\""), "no \(kind)")
        }
        #expect(!journal.contains("$scrypt$") && !journal.contains(temporary))
    }
}
