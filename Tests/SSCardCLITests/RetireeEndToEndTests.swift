import Foundation
import Testing

/// Flow R in the real binary, in tmux, per channel profile, with the demo retirees and the
/// demo images (scripts/make-demo-images.py); the journal is checked with `journal dump`.
@Suite(.serialized) struct RetireeEndToEndTests {
    static let sun = "110105195609090137"

    /// Seeds demo data, writes the demo images into DIR/photos, and starts sscard there.
    func start(_ arguments: [String]) throws -> (directory: String, tmux: TmuxSession) {
        let directory = try SSCardProcess.temporaryDirectory()
        let seeded = try SSCardProcess.run(["demo", "seed", "--data-dir", directory + "/data"])
        #expect(seeded.status == 0, "\(seeded.error)")
        try Self.makeDemoImages(in: directory + "/photos")
        return (directory, try session(directory, arguments))
    }

    func session(_ directory: String, _ arguments: [String]) throws -> TmuxSession {
        try TmuxSession(arguments: ["--data-dir", directory + "/data", "--photo-dir", directory + "/photos"] + arguments,
                        directory: directory)
    }

    /// The demo images, made once per test run by scripts/make-demo-images.py (3 s each time).
    static let demoImages = Result { () throws -> String in
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = try SSCardProcess.temporaryDirectory() + "/photos"
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        script.arguments = ["python3", repository.appendingPathComponent("scripts/make-demo-images.py").path, folder]
        script.standardOutput = FileHandle.nullDevice
        try script.run()
        script.waitUntilExit()
        guard script.terminationStatus == 0 else { throw DemoImagesFailed() }
        return folder
    }

    struct DemoImagesFailed: Error {}

    /// A copy of the demo images in `directory`, which a test may change freely.
    static func makeDemoImages(in directory: String) throws {
        try FileManager.default.copyItem(atPath: try demoImages.get(), toPath: directory)
    }

    /// Account login; `realName` answers 实名认证 where a first login on the channel asks it.
    func logIn(_ tmux: TmuxSession, keys: [String], as login: String, realName: String? = nil, directory: String? = nil) throws {
        try tmux.waitFor("登录")
        try tmux.send(keys)
        try tmux.waitFor("密码")
        try tmux.type(login)
        try tmux.send("Tab")
        try tmux.type("Demo@2026")
        try tmux.send("Enter")
        if let realName, let directory { return try passRealName(tmux, directory, name: realName, id: login) }
        try tmux.waitFor("请选择要办理的业务")
    }

    /// 民生一卡通's 手机号验证码登录: the code is read from the SMS outbox, as from a phone;
    /// then 实名认证, at this first login there.
    func logInBySMS(_ tmux: TmuxSession, _ directory: String, phone: String, name: String, id: String) throws {
        try tmux.waitFor("登录")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("短信验证码")
        try tmux.type(phone)
        try tmux.send("Tab", "Enter")
        try tmux.waitFor("验证码已发送")
        let outbox = try SSCardProcess.run(["auth", "outbox", "--data-dir", directory + "/data"])
        let masked = String(phone.prefix(3)) + "****" + String(phone.suffix(4))
        let line = try #require(outbox.output.split(separator: "\n").last { $0.contains(masked) }, "\(outbox.output)")
        let code = try #require(line.split(separator: "验证码为 ").last?.prefix(6), "\(line)")
        try tmux.type(String(code))
        try tmux.send("Tab", "Enter")
        try passRealName(tmux, directory, name: name, id: id)
    }

    /// 实名认证: 姓名 and 身份证号, then the face check approved by a second process.
    func passRealName(_ tmux: TmuxSession, _ directory: String, name: String, id: String) throws {
        try tmux.waitFor("下一步：人脸核验")
        try tmux.type(name)
        try tmux.send("Tab")
        try tmux.type(id)
        try tmux.send("Tab", "Enter")
        let screen = try tmux.waitFor("正在等待人脸核验结果")
        let code = try #require(CodeLoginEndToEndTests().code(on: screen), "\(screen)")
        let approved = try SSCardProcess.run(["auth", "approve", code, "--as", id, "--method", "face", "--data-dir", directory + "/data"])
        #expect(approved.status == 0, "\(approved.output)\(approved.error)")
        try tmux.waitFor("请选择要办理的业务")
    }

    /// In the open picker: the highlighted file (Enter) or a typed name after the folder.
    func pick(_ tmux: TmuxSession, _ name: String?) throws {
        try tmux.waitFor("选用")
        if let name {
            try tmux.send("Tab")
            try tmux.type(name)
        }
        try tmux.send("Enter")
    }

    func dump(_ directory: String) throws -> String {
        try SSCardProcess.run(["journal", "dump", "--data-dir", directory + "/data"]).output
    }

    @Test func webRetireeAppliesAndSeesTheApplicationInMyApplications() throws {
        let (directory, tmux) = try start(["--channel", "web"])
        try logIn(tmux, keys: ["Down", "Tab", "Down", "Enter"], as: Self.sun)
        try tmux.send("Enter")
        try tmux.waitFor("免责声明")
        try tmux.send("Space", "Enter")
        try tmux.waitFor("上传照片")
        // A wrong file first: refused with its actual size, then the right one.
        try tmux.send("Enter")
        try pick(tmux, "wrong-size.png")
        try tmux.waitFor("尺寸为 400x500，应为 358x441")
        try tmux.send("Tab", "Enter")
        try tmux.waitFor("已上传 358x441")
        try tmux.send("Enter")
        try pick(tmux, "id-front.png")
        try tmux.waitFor("640x404 PNG")
        try tmux.send("Enter")
        try pick(tmux, "id-back.png")
        // After a photo the focus moves on; after the last one it is on 【下一步】.
        try tmux.send("Enter")
        try tmux.waitFor("补录信息")
        try tmux.waitFor("草稿已保存")
        try tmux.send("Tab", "Tab", "Tab", "Enter")
        try tmux.waitFor("邮寄接收地址")
        try tmux.send("Tab", "Tab", "Tab", "Tab", "Enter")
        // Everything to be submitted shows on one page before the pledge, photos named.
        let summary = try tmux.waitFor("请核对以下申请信息")
        #expect(summary.contains("身份证背面原件照片  已上传 640x404 PNG"), "\(summary)")
        #expect(summary.contains("邮寄接收地址"), "\(summary)")
        try tmux.send("Enter")
        try tmux.waitFor("申请人郑重承诺")
        try tmux.send("Space", "Tab", "Enter")
        try tmux.waitFor("是否确认提交个人申领")
        try tmux.send("Enter")
        try tmux.waitFor("您已完成个人申领业务办理，请在个人中心我的办事中查看办事进度")
        try tmux.send("Enter")
        let progress = try tmux.waitFor("状态：已提交")
        #expect(progress.contains("网厅  本人"), "the timeline names the channel and who")
        let journal = try dump(directory)
        #expect(journal.contains("\"kind\":\"applicationSubmitted\""))
        #expect(journal.components(separatedBy: "\"kind\":\"draftSaved\"").count - 1 == 4)
        #expect(journal.contains("\"channel\":\"web\""))
        let blobs = try FileManager.default.subpathsOfDirectory(atPath: directory + "/data/blobs").filter { $0.count > 64 }
        #expect(blobs.count == 3, "three photos stored under their hashes: \(blobs)")
    }

    @Test func jingtongRetireePassesTheEligibilityCheckAndPicksUpAtTheBranch() throws {
        let (directory, tmux) = try start(["--channel", "jingtong"])
        try logIn(tmux, keys: ["Space", "Tab", "Enter", "Enter"], as: "13900030002")
        try tmux.send("Enter")
        try tmux.waitFor("确定申领")
        try tmux.send("Space", "Enter")
        try tmux.waitFor("开始资格校验")
        try tmux.send("Space", "Tab", "Enter")
        try tmux.waitFor("核对基本信息")
        try tmux.waitFor("110102196104170268")
        // 证件有效期限开始日期, 常住所在地地址, 卡预留手机号, then the button.
        try tmux.send("Tab", "Tab", "Tab", "Enter")
        try tmux.waitFor("补充信息")
        try tmux.send("Tab", "Tab", "Tab", "Enter")
        try tmux.waitFor("个人网点领卡")
        // 个人网点领卡 stays chosen, so no mail fields show: the button is next.
        let pickup = try tmux.screen()
        #expect(!pickup.contains("收件人姓名"), "\(pickup)")
        try tmux.send("Tab", "Enter")
        try tmux.waitFor("上传照片")
        try tmux.send("Enter")
        try pick(tmux, "id-front.png")
        try tmux.send("Enter")
        try pick(tmux, "id-back.png")
        try tmux.send("Enter")
        try pick(tmux, nil)
        try tmux.send("Enter")
        // The summary names the pickup and, as nothing is mailed, no mail fields.
        let summary = try tmux.waitFor("请核对以下申请信息")
        #expect(summary.contains("个人网点领卡") && !summary.contains("收件"), "\(summary)")
        try tmux.send("Enter")
        try tmux.waitFor("确认提交（2/2）")
        try tmux.send("Space", "Tab", "Enter")
        try tmux.waitFor("申领已提交")
        let journal = try dump(directory)
        #expect(journal.contains("\"kind\":\"applicationSubmitted\""))
        #expect(journal.contains("\"channel\":\"jingtong\""))
        #expect(journal.contains("\"pickupMethod\":\"branchPickup\""))
    }

    @Test func minshengElderWalksItsFourSteps() throws {
        let (directory, tmux) = try start(["--channel", "minsheng", "--elder"])
        try logInBySMS(tmux, directory, phone: "13900030001", name: "孙建国", id: Self.sun)
        try tmux.send("Enter")
        try tmux.waitFor("我已阅读并同意免责声明")
        try tmux.send("Space", "Enter")
        try tmux.waitFor("身份识别（1/2）")
        try tmux.send("Enter")
        try pick(tmux, "id-front.png")
        try tmux.send("Enter")
        try pick(tmux, "id-back.png")
        try tmux.send("Tab", "Enter")
        try tmux.waitFor("身份识别（2/2）")
        try tmux.waitFor("读卡器读取")
        try tmux.send("Enter")
        try tmux.waitFor("基本信息")
        try tmux.send("Tab", "Tab", "Tab", "Enter")
        try tmux.waitFor("制卡信息")
        try tmux.send("Enter")
        try pick(tmux, nil)
        // 卡预留手机号, then the button (bank and branch are read-only).
        try tmux.send("Tab", "Enter")
        try tmux.waitFor("领卡方式（1/3）")
        try tmux.send("Tab", "Tab", "Tab", "Tab", "Enter")
        // The summary has a page of its own, then the consent.
        let summary = try tmux.waitFor("领卡方式（2/3）")
        #expect(summary.contains("邮寄接收地址"), "\(summary)")
        try tmux.send("Enter")
        try tmux.waitFor("领卡方式（3/3）")
        try tmux.send("Space", "Tab", "Enter")
        try tmux.waitFor("申领成功")
        #expect(try dump(directory).contains("\"channel\":\"minsheng\""))
    }

    /// kill -9 in the middle of the flow, then the next login resumes at the same step.
    @Test func aKilledSessionResumesAtTheSameStep() throws {
        let (directory, tmux) = try start(["--channel", "web"])
        try logIn(tmux, keys: ["Down", "Tab", "Down", "Enter"], as: Self.sun)
        try tmux.send("Enter")
        try tmux.waitFor("免责声明")
        try tmux.send("Space", "Enter")
        for (index, name) in ["card-photo.png", "id-front.png", "id-back.png"].enumerated() {
            try tmux.send("Enter")
            try pick(tmux, index == 0 ? nil : name)
        }
        try tmux.send("Enter")
        try tmux.waitFor("草稿已保存")
        let pane = try tmux.tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)
        let pid = try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
        #expect(kill(pid, SIGKILL) == 0)
        #expect(try tmux.exitStatus() == 137)

        let verify = try SSCardProcess.run(["journal", "verify", "--data-dir", directory + "/data"])
        #expect(verify.status == 0, "\(verify.output)\(verify.error)")
        let again = try session(directory, ["--channel", "web"])
        try logIn(again, keys: ["Down", "Tab", "Down", "Enter"], as: Self.sun)
        try again.send("Enter")
        try again.waitFor("已恢复草稿")
        try again.send("Enter")
        let resumed = try again.waitFor("补录信息")
        #expect(resumed.contains("第 2 步 / 共 4 步"))
    }
}
