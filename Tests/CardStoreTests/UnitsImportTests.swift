import CardDomain
import CardResources
import CardStore
import JournalTestSupport
import SystemPackage
import Testing

/// Units as master data (issue 27 §2): the units file on the same footing as the persons
/// file, through the same importer, over a real journal.
@Suite struct UnitsImportTests {
    static let header = "单位编号,单位名称,统一社会信用代码,所在区,单位地址,经办人姓名,经办人证件号码,经办人手机号码"
    let repository: CardRepository

    init() throws {
        let root = FilePath(try TemporaryFolder.make("sscard-units-import"))
        repository = try CardRepository(data: DataDirectory(root), reference: CardRepositoryTests.reference)
    }

    func importing(_ rows: [String], dryRun: Bool = false) throws -> RecordsImporter.Summary {
        let table = CSVTable.parse(Array(([Self.header] + rows).joined(separator: "\n").utf8))!
        let reader = try UnitRowReader(header: table.header, reference: repository.reference)
        var start = 0
        return try RecordsImporter(repository: repository, actor: .system("units-import"), context: CardRepositoryTests.context)
            .run(reader, rowCount: table.rows.count, dryRun: dryRun) { count in
                defer { start = min(table.rows.count, start + count) }
                return Array(table.rows[start..<min(table.rows.count, start + count)])
            }
    }

    @Test func badCodesUnknownDistrictsDuplicatesAndHostileTextAreReportedByLineAndTheRestRecordedOnce() throws {
        let rows = [
            "20000001,北京星河软件有限公司,91110105MA01ABCD26,朝阳区,北京市朝阳区望京街道1号,赵敏,,13911112222",
            "20000002,北京坏代码公司,91110105MA01ABCD21,海淀区,北京市海淀区学院路1号,,,",
            "20000003,火星公司,911101087226026826,火星区,某地,,,",
            "20000001,重复的单位,91110108MA01ABCD2H,海淀区,北京市海淀区学院路2号,,,",
            "20000004,\u{1B}[31m红字公司\u{202E},91110108MA01ABCD2H,海淀区,北京市海淀区学院路3号,,,",
            "20000005,经办人有误公司,91110108MA01ABCD2H,海淀区,北京市海淀区学院路4号,赵敏,110105199007150525,1391111",
        ]
        let dry = try importing(rows, dryRun: true)
        #expect(dry.recorded == 1 && repository.sequence == 0)
        let summary = try importing(rows)
        #expect(summary.rows == 6 && summary.recorded == 1 && summary.rejectedRows == 5)
        func reasons(_ line: Int) -> [String] { summary.rejections.filter { $0.line == line }.map { "\($0.field)：\($0.reason)" } }
        #expect(reasons(3) == ["统一社会信用代码：校验位不正确（最后一位应为 6），请核对"])
        #expect(reasons(4).contains("所在区：「火星区」不是北京市的区"))
        #expect(reasons(5) == ["单位编号：与第 2 行重复"])
        #expect(reasons(6).contains { $0.hasPrefix("单位名称：") })
        #expect(reasons(7).map { $0.prefix(6) }.sorted() == ["经办人手机号", "经办人证件号"])
        let unit = try #require(repository.state.units["20000001"])
        #expect(unit.district == "110105" && unit.address == "北京市朝阳区望京街道1号")
        #expect(unit.contact == UnitRecord.Contact(name: "赵敏", mobile: "13911112222"))
        let again = try importing(rows)
        #expect(again.recorded == 0 && again.unchanged == 1)
    }

    @Test func aSecondImportKeepsTheUnitsCollectiveSettingsAndACreditCodeBelongsToOneUnit() throws {
        let demoUnit = CardRepositoryTests.demo.units.first { $0.collective != nil }!
        try repository.execute(.recordUnit(demoUnit), by: .system("seed"), context: CardRepositoryTests.context)
        let district = repository.reference.districts.first { $0.code == demoUnit.district }!.name
        let summary = try importing([
            "\(demoUnit.number),\(demoUnit.name)（更名）,\(demoUnit.creditCode),\(district),北京市朝阳区新地址8号,,,",
            "20000099,借用代码的公司,\(demoUnit.creditCode),\(district),北京市朝阳区某处,,,",
        ])
        #expect(summary.recorded == 1)
        #expect(summary.rejections.map(\.reason) == ["已属于单位 \(demoUnit.number)（\(demoUnit.name)（更名））"])
        let unit = try #require(repository.state.units[demoUnit.number])
        #expect(unit.name == "\(demoUnit.name)（更名）" && unit.collective == demoUnit.collective)
    }

    @Test func aPersonWhoseUnitIsNotInTheDirectoryIsRefusedUntilTheUnitIsImported() throws {
        let person = CardRepositoryTests.demo.persons.first { $0.status == .employed }!
        let context = CardRepositoryTests.context
        #expect(throws: CommandRefusal.self) { try repository.execute(.recordPerson(person), by: .system("import"), context: context) }
        let unit = CardRepositoryTests.demo.units.first { $0.number == person.unitNumber }!
        try repository.execute(.recordUnit(unit), by: .system("import"), context: context)
        #expect(try repository.execute(.recordPerson(person), by: .system("import"), context: context).count == 1)
    }

    @Test func theHeaderNamesWhatIsMissingOrUnknown() {
        #expect(throws: UnitRowReader.HeaderProblem.missing([.creditCode, .district, .address])) {
            try UnitRowReader(header: ["单位编号", "单位名称"], reference: CardRepositoryTests.reference)
        }
        #expect(throws: UnitRowReader.HeaderProblem.unknown(column: 2, header: "邮编")) {
            try UnitRowReader(header: ["单位编号", "邮编"], reference: CardRepositoryTests.reference)
        }
    }
}
