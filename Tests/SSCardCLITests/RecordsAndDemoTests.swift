import Foundation
import Journal
import SystemPackage
import Testing

/// `sscard demo seed` and `sscard records import`, through the real binary.
@Suite struct RecordsAndDemoTests {
    let root: String

    init() throws {
        root = try SSCardProcess.temporaryDirectory()
    }

    func dump() throws -> [[String: Any]] {
        let run = try SSCardProcess.run(["journal", "dump", "--data-dir", root])
        return run.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test func demoSeedCreatesExactlyTheDemoDataAndAddsNothingTheSecondTime() throws {
        let first = try SSCardProcess.run(["demo", "seed", "--data-dir", root])
        #expect(first.status == 0, "\(first.error)")
        let records = try dump()
        let payloads = records.compactMap { $0["payload"] as? [String: Any] }
        let kinds = payloads.map { $0["kind"] as? String ?? "" }
        #expect(kinds.filter { $0 == "unitRecorded" }.count == 2)
        #expect(kinds.filter { $0 == "personRecorded" }.count == 10)
        #expect(kinds.filter { $0 == "accountRecorded" }.count == 15)
        let accounts = payloads.filter { $0["kind"] as? String == "accountRecorded" }.compactMap { $0["data"] as? [String: Any] }
        #expect(Set(accounts.compactMap { $0["username"] as? String })
            .isSuperset(of: ["xinghe-admin", "shequ-admin", "guitai01", "houtai01", "admin", "110105********0137"]))
        // The auditor's export leaves the hashes out; the journal itself holds scrypt hashes only.
        #expect(accounts.allSatisfy { $0["passwordHash"] == nil })
        var hashes: [String] = []
        try JournalReader(directory: FilePath(root).appending("journal")).forEach { _, _, _, payload in
            let object = try? JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any]
            if let hash = (object?["data"] as? [String: Any])?["passwordHash"] as? String { hashes.append(hash) }
        }
        // The demo's password is published: its accounts' hashes are cheap (`PasswordHash.Parameters.demo`).
        #expect(hashes.count == 15 && hashes.allSatisfy { $0.hasPrefix("$scrypt$ln=10,r=8,p=1$") })
        let journalText = try SSCardProcess.run(["journal", "dump", "--data-dir", root]).output
        #expect(!journalText.contains("Demo@2026"))

        let second = try SSCardProcess.run(["demo", "seed", "--data-dir", root])
        #expect(second.status == 0)
        #expect(second.output.hasPrefix("demo data: 0 records added"))
        #expect(try dump().count == records.count)
    }

    @Test func dumpMasksNumbersAndLeavesSecretsOutAndAFullExportIsRecordedFirst() throws {
        _ = try SSCardProcess.run(["demo", "seed", "--data-dir", root])
        let masked = try SSCardProcess.run(["journal", "dump", "--data-dir", root])
        #expect(masked.status == 0)
        #expect(!masked.output.contains("110105195609090137") && masked.output.contains("110105********0137"))
        #expect(!masked.output.contains("13900030001") && masked.output.contains("139****0001"))
        #expect(!masked.output.contains("passwordHash") && !masked.output.contains("$scrypt$"))
        #expect(!masked.output.contains("journalExported"))

        let full = try SSCardProcess.run(["journal", "dump", "--data-dir", root, "--full"])
        #expect(full.status == 0, "\(full.error)")
        #expect(full.output.contains("110105195609090137"))
        #expect(!full.output.contains("passwordHash") && !full.output.contains("$scrypt$"))
        let last = try #require(full.output.split(separator: "\n").last)
        #expect(last.contains("\"kind\":\"journalExported\"") && last.contains("journal-dump:"))
        #expect(try SSCardProcess.run(["journal", "dump", "--data-dir", root, "--full", "--masked"]).status == 2)
    }

    @Test func demoSeedAddsGeneratedPeopleForScale() throws {
        let run = try SSCardProcess.run(["demo", "seed", "--data-dir", root, "--persons", "300"])
        #expect(run.status == 0, "\(run.error)")
        let people = try dump().filter { ($0["payload"] as? [String: Any])?["kind"] as? String == "personRecorded" }
        #expect(people.count == 310)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = root + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func importReportsRejectedRowsByLineAndExitsThree() throws {
        _ = try SSCardProcess.run(["demo", "seed", "--data-dir", root])
        let csv = try write("people.csv", """
            \u{FEFF}Name,ID Number,Sex,Validity Start,Address,District,Mobile,Status,Pension Bank,Pension Branch
            孙建国,110105195609090137,男,2010-05-01,北京市朝阳区劲松街道劲松八区802号楼4单元301,朝阳区,13900030001,退休,中国工商银行,中国工商银行北京朝阳支行
            钱一,11010519900230001X,男,2020-01-01,北京市朝阳区某街1号,朝阳区,,退休,中国工商银行,中国工商银行北京朝阳支行
            钱二,110105195609090145,男,2010-05-01,北京市朝阳区某街2号,朝阳区,,退休,中国工商银行,中国工商银行北京朝阳支行

            """)
        let report = root + "/report.csv"
        let run = try SSCardProcess.run(["records", "import", csv, "--data-dir", root, "--report", report])
        #expect(run.status == 3, "\(run.output) \(run.error)")
        #expect(run.output.contains("rejected: 2"))
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text == """
            line,field,reason
            3,证件号码,出生日期 19900230 不是有效日期，请核对号码
            4,性别,与证件号码不符（号码表明为女）

            """)
        var status = stat()
        #expect(stat(report, &status) == 0 && status.st_mode & 0o777 == 0o600)
    }

    @Test func aCleanFileExitsZeroAndASecondImportChangesNothing() throws {
        _ = try SSCardProcess.run(["demo", "seed", "--data-dir", root])
        let csv = try write("good.csv", """
            姓名,证件号码,证件有效期限开始日期,常住所在地地址,常住地所在区,卡预留手机号,人员状态,养老金代发银行,养老金代发网点
            钱三,110105195001010012,2010-05-01,北京市朝阳区某街3号院,朝阳区,13700000003,退休,北京银行,北京银行朝阳支行

            """)
        let first = try SSCardProcess.run(["records", "import", csv, "--data-dir", root])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("recorded: 1"))
        let before = try dump().count
        let again = try SSCardProcess.run(["records", "import", csv, "--data-dir", root])
        #expect(again.status == 0)
        #expect(again.output.contains("recorded: 0  unchanged: 1"))
        #expect(try dump().count == before)
        let dry = try SSCardProcess.run(["records", "import", csv, "--data-dir", root, "--dry-run"])
        #expect(dry.status == 0)
    }

    @Test func anUnknownHeaderIsAUsageErrorThatNamesIt() throws {
        let csv = try write("bad.csv", "姓名,工号\n张三,1\n")
        let run = try SSCardProcess.run(["records", "import", csv, "--data-dir", root])
        #expect(run.status == 2)
        #expect(run.error.contains("第 2 列的表头「工号」无法识别"))
        let missingArgument = try SSCardProcess.run(["records", "import"])
        #expect(missingArgument.status == 2)
        let notText = try write("binary.csv", "\u{00}")
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: notText))
        #expect(try SSCardProcess.run(["records", "import", notText, "--data-dir", root]).status == 2)
    }
}
