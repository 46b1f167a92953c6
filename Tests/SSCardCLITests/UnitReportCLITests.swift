import Foundation
import Testing

/// `sscard unit report`: the unit's employees as CSV, masked unless --full-id (recorded
/// first), the file created 0600, usage errors named.
@Suite struct UnitReportCLITests {
    let root: String

    init() throws {
        root = try SSCardProcess.temporaryDirectory()
        let seeded = try SSCardProcess.run(["demo", "seed", "--data-dir", root])
        #expect(seeded.status == 0, "\(seeded.error)")
    }

    @Test func theReportListsEveryEmployeeMaskedToStandardOutput() throws {
        let run = try SSCardProcess.run(["unit", "report", "--unit", "10000002", "--data-dir", root])
        #expect(run.status == 0, "\(run.error)")
        let lines = run.output.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "\u{FEFF}姓名,证件号码,办卡状态,领卡方式,确认时间,办事编号")
        #expect(lines.count == 4)
        #expect(run.output.contains("刘洋,110101********0626,待确认"))
        #expect(!run.output.contains("110101198501150626"))
    }

    @Test func aFileIsPrivateAndWholeNumbersAreRecordedFirst() throws {
        let out = root + "/shequ.csv"
        let run = try SSCardProcess.run(["unit", "report", "--unit", "10000002", "--data-dir", root, "--out", out, "--full-id",
                                         "--status", "待确认"])
        #expect(run.status == 0, "\(run.error)")
        #expect(run.error.contains("3 名职工已写入"))
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("110101198501150626"))
        let dump = try SSCardProcess.run(["journal", "dump", "--data-dir", root]).output
        #expect(dump.contains("\"kind\":\"journalExported\"") && dump.contains("unit-report 10000002 --full-id"))
        let again = try SSCardProcess.run(["unit", "report", "--unit", "10000002", "--data-dir", root, "--out", out])
        #expect(again.status == 2 && again.error.contains("已存在"))
    }

    @Test func anUnknownUnitOrStatusIsAUsageError() throws {
        let unit = try SSCardProcess.run(["unit", "report", "--unit", "99999999", "--data-dir", root])
        #expect(unit.status == 2 && unit.error.contains("没有单位编号为 99999999 的单位"))
        let status = try SSCardProcess.run(["unit", "report", "--unit", "10000002", "--data-dir", root, "--status", "done"])
        #expect(status.status == 2 && status.error.contains("没有「done」这个办卡状态"))
    }

    /// `demo seed --unit-employees N` gives 社区卫生服务中心 N more employees, once.
    @Test func demoSeedGivesTheUnitGeneratedEmployees() throws {
        let seeded = try SSCardProcess.run(["demo", "seed", "--data-dir", root, "--unit-employees", "40"])
        #expect(seeded.status == 0 && seeded.output.contains("40 records added"), "\(seeded.output)\(seeded.error)")
        let report = try SSCardProcess.run(["unit", "report", "--unit", "10000002", "--data-dir", root, "--status", "待确认"])
        #expect(report.output.split(separator: "\r\n").count == 1 + 43)
        let again = try SSCardProcess.run(["demo", "seed", "--data-dir", root, "--unit-employees", "40"])
        #expect(again.output.contains("0 records added"), "\(again.output)")
    }
}
