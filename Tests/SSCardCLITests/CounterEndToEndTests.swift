import Foundation
import Testing

/// The counter in the real binary: a clerk applies for 周秀英 (代办) and shows the receipt;
/// back office then moves the application to 已领卡, each move in the journal.
@Suite(.serialized) struct CounterEndToEndTests {
    let retiree = RetireeEndToEndTests()

    @Test func clerkAppliesOnBehalfAndBackOfficeMovesItToCollected() throws {
        let (directory, clerk) = try retiree.start(["--channel", "counter"])
        try retiree.logIn(clerk, keys: ["Enter"], as: "guitai01")
        let list = try clerk.applyOnBehalf(searching: "周", masked: "110102********0268", retiree: retiree)
        #expect(!list.contains("110102196104170268"), "lists mask the number")
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
    /// From a clerk's home: finds a retiree who may apply (`query`, then the row `masked`),
    /// opens them and walks the retiree application through its 二次确认; the receipt follows.
    /// Answers the search's list as it was shown.
    @discardableResult
    func applyOnBehalf(searching query: String, masked: String, retiree: RetireeEndToEndTests) throws -> String {
        try send("Enter")
        try waitFor("证件号码或姓名")
        try type(query)
        try send("Enter")
        let list = try waitFor(masked)
        try send("Enter")
        try waitFor("可以申领")
        try send("Enter")
        try waitFor("申请人已知悉并同意")
        try send("Space", "Enter")
        try waitFor("开始资格校验")
        try send("Space", "Tab", "Enter")
        try waitFor("核对基本信息")
        try send("Tab", "Tab", "Tab", "Enter")
        try waitFor("补充信息")
        try send("Tab", "Tab", "Tab", "Enter")
        try waitFor("上传照片")
        try send("Enter")
        try retiree.pick(self, "id-front.png")
        try send("Enter")
        try retiree.pick(self, "id-back.png")
        try send("Enter")
        try retiree.pick(self, nil)
        try send("Enter")
        try waitFor("领卡方式")
        // 个人网点领卡 is the first choice: no mail fields, the button is next.
        try send("Tab", "Enter")
        let summary = try waitFor("请核对以下申请信息")
        #expect(summary.contains("个人网点领卡") || summary.contains("邮寄"), "\(summary)")
        try send("Enter")
        try waitFor("申请人已核对并同意")
        try send("Space", "Tab", "Enter")
        try waitFor("是否确认代申请人提交申领")
        try send("Enter")
        return list
    }

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
