import Foundation
import Testing

/// The counter in the real binary: a clerk applies for 周秀英 (代办) and shows the receipt;
/// back office then moves the application to 已领卡, each move in the journal.
@Suite(.serialized) struct CounterEndToEndTests {
    let retiree = RetireeEndToEndTests()

    @Test func clerkAppliesOnBehalfAndBackOfficeMovesItToCollected() throws {
        let (directory, clerk) = try retiree.start(["--channel", "counter"])
        try retiree.logIn(clerk, keys: ["Enter"], as: "guitai01")
        try clerk.send("Enter")
        try clerk.waitFor("证件号码或姓名")
        try clerk.type("周")
        try clerk.send("Enter")
        let list = try clerk.waitFor("110102********0268")
        #expect(!list.contains("110102196104170268"), "lists mask the number")
        try clerk.send("Enter")
        try clerk.waitFor("110102196104170268")
        try clerk.waitFor("可以申领")
        try clerk.send("Enter")
        try clerk.waitFor("申请人已知悉并同意")
        try clerk.send("Space", "Enter")
        try clerk.waitFor("开始资格校验")
        try clerk.send("Space", "Tab", "Enter")
        try clerk.waitFor("核对基本信息")
        try clerk.send("Tab", "Tab", "Tab", "Enter")
        try clerk.waitFor("补充信息")
        try clerk.send("Tab", "Tab", "Tab", "Enter")
        try clerk.waitFor("上传照片")
        try clerk.send("Enter")
        try retiree.pick(clerk, "id-front.png")
        try clerk.send("Enter")
        try retiree.pick(clerk, "id-back.png")
        try clerk.send("Enter")
        try retiree.pick(clerk, nil)
        try clerk.send("Enter")
        try clerk.waitFor("领卡方式")
        // 个人网点领卡 is the first choice: no mail fields, the button is next.
        try clerk.send("Tab", "Enter")
        let summary = try clerk.waitFor("请核对以下申请信息")
        #expect(summary.contains("个人网点领卡") || summary.contains("邮寄"), "\(summary)")
        try clerk.send("Enter")
        try clerk.waitFor("申请人已核对并同意")
        try clerk.send("Space", "Tab", "Enter")
        try clerk.waitFor("是否确认代申请人提交申领")
        try clerk.send("Enter")
        let receipt = try clerk.waitFor("后续安排")
        #expect(receipt.contains("窗口代办：guitai01"))
        #expect(receipt.contains("SB"))
        #expect(try clerk.quitWithF10Twice() == 0)

        let office = try retiree.session(directory, ["--channel", "counter"])
        try retiree.logIn(office, keys: ["Enter"], as: "houtai01")
        try office.send("Enter")
        try office.waitFor("按状态查看申请")
        try office.moveAlong("110102********0268", through: ["制卡中", "制卡成功", "待领取", "已领卡"])
        let journal = try retiree.dump(directory)
        // The dump masks ID numbers (D12) unless --full is asked for.
        #expect(journal.contains("\"assisting\":\"110102********0268\""))
        #expect(journal.contains("\"kind\":\"personViewed\""))
        for status in ["制卡中", "制卡成功", "待领取", "已领卡"] {
            #expect(journal.contains("\"to\":\"\(status)\""), "no move to \(status)")
        }
    }
}

extension TmuxSession {
    /// Back office moves the application of `masked` from 已提交 along the main line: each
    /// review's first choice is the next status. After a move the status list is reached
    /// by Shift-Tab from wherever the focus is (another application may stay in the list).
    func moveAlong(_ masked: String, through statuses: [String]) throws {
        for (index, next) in statuses.enumerated() {
            if index > 0 { try send("BTab", "BTab", "Enter", "Down", "Enter") }
            try waitFor(masked)
            try send("Enter")
            try waitFor("推进办卡状态")
            try send("Tab", "Tab", "Enter")
            try waitFor("已改为「\(next)」")
            try send("Enter")
        }
    }

    /// Logs out, then quits, as F10 and Enter do twice.
    func quitWithF10Twice() throws -> Int32? {
        try send("F10")
        try waitFor("确认退出登录？")
        try send("Enter")
        try waitFor("登录方式")
        return try quitWithF10()
    }
}
