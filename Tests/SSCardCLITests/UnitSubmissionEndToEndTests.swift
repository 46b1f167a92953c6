import Foundation
import Testing

/// U2 and U3 in the real binary: 社区卫生服务中心's operator submits 刘洋 and 陈杰 after they
/// confirm (赵敏 has not, and cannot be ticked), the query shows the statuses, and after back
/// office moves 刘洋 to 待领取 the unit sees it. The journal is checked with `journal dump`.
@Suite(.serialized) struct UnitSubmissionEndToEndTests {
    let retiree = RetireeEndToEndTests()
    let employees = EmployeeEndToEndTests()

    @Test func shequSubmitsTwoConfirmedAndFollowsThemToPickup() throws {
        let (directory, first) = try retiree.start(["--channel", "jingtong"])
        try employees.confirmIn京通(first, as: "13800020001")
        let second = try retiree.session(directory, ["--channel", "jingtong"])
        try employees.confirmIn京通(second, as: "13800020002")

        let unit = try retiree.session(directory, ["--channel", "web"])
        try retiree.logIn(unit, keys: ["Tab", "Down", "Enter"], as: "shequ-admin")
        try unit.send("Down", "Enter")
        let list = try unit.waitFor("职工申请信息提交")
        #expect(!list.contains("赵敏"), "the list starts on 信息已确认: \(list)")
        // Everyone: 赵敏 is there and cannot be ticked.
        try unit.send("BTab", "BTab", "Enter", "Home", "Enter")
        try unit.waitFor("赵敏")
        try unit.send("End", "Space")
        try unit.waitFor("赵敏 尚未确认个人信息")
        try unit.send("a")
        try unit.waitFor("已选 2 人 / 共 3 人")
        try unit.send("Enter")
        try unit.waitFor("确认提交所选 2 名职工的申领信息？")
        try unit.send("Enter")
        try unit.waitFor("已提交 2 名职工的申领信息")
        try unit.send("Enter", "Escape")
        try unit.waitFor("请选择要办理的业务")
        try unit.send("Down", "Down", "Enter")
        try unit.waitFor("职工申请情况查询")
        let query = try unit.waitFor("已提交 2")
        #expect(query.contains("待确认 1  已提交 2"), "\(query)")
        #expect(try unit.quitWithF10Twice() == 0)

        // Back office moves 刘洋 along to 待领取 (单位代领).
        let office = try retiree.session(directory, ["--channel", "counter"])
        try retiree.logIn(office, keys: ["Enter"], as: "houtai01")
        try office.send("Enter")
        try office.waitFor("按状态查看申请")
        // 陈杰 stays in 已提交 under the cursor while 刘洋 moves on.
        try office.moveAlong("110101********0626", through: ["制卡中", "制卡成功", "待领取"])
        #expect(try office.quitWithF10Twice() == 0)

        let again = try retiree.session(directory, ["--channel", "web"])
        try retiree.logIn(again, keys: ["Tab", "Down", "Enter"], as: "shequ-admin")
        try again.send("Down", "Down", "Enter")
        try again.waitFor("待领取 1")
        // The table's count line is drawn after its rows: then the whole list is on screen.
        let after = try again.waitFor("共 3 人")
        #expect(after.contains("待领取 1"), "\(after)")
        #expect(after.contains("刘洋") && after.contains("待领取"), "\(after)")
        // E exports the list: masked, private, one line per employee.
        try again.send("e")
        try again.waitFor("导出到")
        try again.send("C-u")
        try again.type(directory + "/shequ.csv")
        try again.send("Enter")
        try again.waitFor("已将 3 名职工写入")
        let csv = try String(contentsOfFile: directory + "/shequ.csv", encoding: .utf8)
        #expect(csv.contains("刘洋,110101********0626,待领取,单位代领"), "\(csv)")
        #expect(csv.contains("赵敏,110106********0845,待确认"), "\(csv)")
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/shequ.csv")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let journal = try retiree.dump(directory)
        #expect(journal.contains("\"kind\":\"employeesSubmitted\""))
        #expect(journal.components(separatedBy: "\"to\":\"已提交\"").count - 1 == 2)
        #expect(journal.contains("\"to\":\"待领取\""))
    }
}
