@testable import CardApp
import CardDomain
import CardStore
import Foundation
import SnapshotSupport
import TerminalUI
import Testing

/// 导入单位信息 and 导入人员信息 on screen (issue 27 §6): the file picker, the dry run's
/// summary, the import with its progress, a stop between batches, and the 0600 report.
@Suite struct ImportScreenTests {
    static let employer = "20000001,北京星河软件有限公司,91110105MA01ABCD26,朝阳区,北京市朝阳区望京街道1号"

    /// `count` employees of 20000001 with valid, distinct ID numbers, and one bad row.
    static func persons(_ count: Int) -> String {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let checks = Array("10X98765432")
        var lines = ["姓名,证件号码,证件有效期限开始日期,常住所在地地址,常住地所在区,卡预留手机号,人员状态,单位编号"]
        for index in 0..<count {
            let body = "11010519800101" + String(format: "%03d", index % 1000)
            let shifted = "1101051980" + String(format: "%02d", 1 + index / 28000 % 12) + String(format: "%02d", 1 + index / 1000 % 28)
                + String(format: "%03d", index % 1000)
            let digits = count > 1000 ? shifted : body
            let sum = zip(digits, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
            lines.append("张三,\(digits)\(checks[sum % 11]),2018-07-01,北京市朝阳区望京街道\(index)号,朝阳区,,在职,20000001")
        }
        lines.append("坏行,123,2018-07-01,北京市朝阳区望京街道,朝阳区,,在职,20000001")
        return lines.joined(separator: "\n")
    }

    func write(_ text: String, _ name: String, in fixture: AppFixture) throws -> String {
        let path = fixture.photos + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The administrator on an import page, with `path` chosen in the picker by its path field.
    func importing(_ item: String, _ path: String, fixture: AppFixture) throws -> AppModel {
        var model = try fixture.model(channel: .counter)
        model.logIn("admin")
        model.choose(item)
        model.focus("choose")
        model.type([.enter, .tab, .control("u")])
        model.type(path)
        model.type([.enter])
        return model
    }

    /// The screen with the fixture's random folder names made fixed (they are all one length).
    func shown(_ model: inout AppModel) -> String {
        model.screen().replacing(/[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/, with: "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX")
    }

    /// Ticks until the import is done, or fails after as many ticks as a slow machine could need.
    func finish(_ model: inout AppModel) {
        for _ in 0..<10_000 where model.importRun != nil { _ = model.tick(now: AppFixture.start) }
        #expect(model.importRun == nil, "the import did not end")
    }

    @Test func unitsThenPersonsAreCheckedFirstThenImportedWithAReportOfTheBadRows() throws {
        let fixture = try AppFixture()
        let units = try write("单位编号,单位名称,统一社会信用代码,所在区,单位地址\n\(Self.employer)\n20000002,坏公司,91110105MA01ABCD21,海淀区,某地\n",
                              "units.csv", in: fixture)
        var admin = try importing("importUnits", units, fixture: fixture)
        finish(&admin)
        Snapshot.assertMatches(shown(&admin), named: "import-units-checked")
        #expect(fixture.repository.state.units["20000001"] == nil, "the dry run recorded")
        admin.focus("confirm")
        admin.type([.enter])
        finish(&admin)
        #expect(fixture.repository.state.units["20000001"]?.name == "北京星河软件有限公司")
        guard case .importer(let done) = admin.page, case .finished(let report?, false) = done.stage else {
            Issue.record("no report: \(admin.screen())"); return
        }
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("3,统一社会信用代码"))
        #expect((try FileManager.default.attributesOfItem(atPath: report)[.posixPermissions] as? Int) == 0o600)
        admin.type([.escape])
        #expect(admin.isHome)

        let persons = try write(Self.persons(20), "persons.csv", in: fixture)
        let before = fixture.repository.state.persons.count
        admin.choose("importRecords")
        admin.focus("choose")
        admin.type([.enter, .tab, .control("u")])
        admin.type(persons)
        admin.type([.enter])
        finish(&admin)
        #expect(admin.screen().contains("将导入         20") && admin.screen().contains("有问题         1"))
        admin.focus("confirm")
        admin.type([.enter])
        finish(&admin)
        Snapshot.assertMatches(shown(&admin), named: "import-persons-finished")
        #expect(fixture.repository.state.persons.count == before + 20)
    }

    @Test func escStopsBetweenBatchesAndKeepsWhatWasRecorded() throws {
        let fixture = try AppFixture()
        let context = CommandContext(now: AppFixture.start, today: CalendarDate(year: 2026, month: 11, day: 21)!, terminal: "t", channel: .counter)
        try fixture.repository.execute(.recordUnit(UnitRecord(number: "20000001", name: "北京星河软件有限公司", creditCode: "91110105MA01ABCD26",
                                                               district: "110105")), by: .system("t"), context: context)
        let persons = try write(Self.persons(5000), "persons.csv", in: fixture)
        var admin = try importing("importRecords", persons, fixture: fixture)
        finish(&admin)
        admin.focus("confirm")
        admin.type([.enter])
        let before = fixture.repository.state.persons.count
        _ = admin.tick(now: AppFixture.start)
        admin.type([.escape])
        guard case .confirmStopImport? = admin.overlay else { Issue.record("Esc did not ask"); return }
        admin.type([.enter])
        finish(&admin)
        let recorded = fixture.repository.state.persons.count - before
        #expect(recorded > 0 && recorded < 5000 && recorded % RecordsImporter.batchSize == 0, "\(recorded)")
        #expect(admin.screen().contains("已按要求停止"))
    }
}
