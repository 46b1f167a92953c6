import Foundation
import Journal
import SystemPackage
import Testing

/// `sscard records import` on files an attacker or a careless export would hand it: it
/// never crashes, never writes raw control text to the operator's terminal, never drops
/// a row without saying so, and never records anything when it cannot report.
@Suite struct ImportHostileInputTests {
    let root: String
    static let header = "姓名,证件号码,证件有效期限开始日期,常住所在地地址,常住地所在区,卡预留手机号,人员状态,养老金代发银行,养老金代发网点"

    init() throws {
        root = try SSCardProcess.temporaryDirectory()
        _ = try SSCardProcess.run(["demo", "seed", "--data-dir", root])
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = root + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A retiree row; the ID number's check character is computed (GB 11643).
    static func row(name: String = "钱四", sequence: Int, address: String = "北京市朝阳区某街4号院",
                    mobile: String = "13700000004") -> String {
        let first17 = "11010519500101" + String(format: "%03d", sequence)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(first17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        let id = first17 + String(Array("10X98765432")[sum % 11])
        return "\(name),\(id),2010-05-01,\(address),朝阳区,\(mobile),退休,北京银行,北京银行朝阳支行"
    }

    func personsRecorded() throws -> Int {
        var count = 0
        try JournalReader(directory: FilePath(root).appending("journal")).forEach { _, _, _, payload in
            if String(decoding: payload, as: UTF8.self).contains("\"personRecorded\"") { count += 1 }
        }
        return count
    }

    @Test func idNumberWithACombiningMarkIsRejectedNotACrash() throws {
        let combining = Self.row(sequence: 13).replacingOccurrences(of: "110105", with: "1\u{0301}10105")
        let phone = Self.row(name: "钱五", sequence: 15, mobile: "1370000000\u{0301}5")
        let csv = try write("marks.csv", [Self.header, combining, phone, Self.row(name: "钱六", sequence: 17)].joined(separator: "\n") + "\n")
        let dry = try SSCardProcess.run(["records", "import", csv, "--data-dir", root, "--dry-run"])
        #expect(dry.status == 3, "\(dry.error)")
        let run = try SSCardProcess.run(["records", "import", csv, "--data-dir", root])
        #expect(run.status == 3, "\(run.error)")
        #expect(run.output.contains("recorded: 1"))
        #expect(run.error.contains("第 2 行 证件号码"))
        #expect(run.error.contains("第 3 行 卡预留手机号：只能填写数字"))
    }

    @Test func controlSequencesInFieldsAreEscapedNotSentToTheTerminal() throws {
        let hostile = Self.row(name: "钱\u{1B}]0;owned\u{07}七", sequence: 19, address: "北京市\u{1B}[2J朝阳区某街")
        let csv = try write("escape.csv", [Self.header, hostile].joined(separator: "\n") + "\n")
        let run = try SSCardProcess.run(["records", "import", csv, "--data-dir", root])
        #expect(run.status == 3)
        #expect(!run.error.contains("\u{1B}") && !run.output.contains("\u{1B}") && !run.error.contains("\u{07}"))
        #expect(run.error.contains("\\u{1B}"))
    }

    @Test func anUnbalancedQuoteIsReportedWithItsLineAndNothingIsDropped() throws {
        let rows = [Self.row(sequence: 21), "\"" + Self.row(name: "钱八", sequence: 23), Self.row(name: "钱九", sequence: 25)]
        let csv = try write("quote.csv", ([Self.header] + rows).joined(separator: "\n") + "\n")
        let before = try personsRecorded()
        let run = try SSCardProcess.run(["records", "import", csv, "--data-dir", root])
        #expect(run.status == 2)
        #expect(run.error.contains("第 3 行的引号没有闭合"))
        #expect(try personsRecorded() == before)
    }

    @Test func addressesWithBidiOverridesHiddenCharactersOrAMillionMarksAreRefused() throws {
        let huge = "北京市朝阳区某街" + String(repeating: "a\u{0301}", count: 50) + String(repeating: "\u{0301}", count: 1_000_000)
        let hostile = ["北京市朝阳区\u{202E}号21街某", "北京市朝阳区某街\u{200B}5号", "\u{FEFF}北京市朝阳区某街6号",
                       "北京市朝阳区某街\u{2028}7号", "北京市朝阳区某街\u{E000}8号", "北京市朝阳区\u{2066}某街9号\u{2069}", huge]
        let rows = hostile.enumerated().map { Self.row(name: "钱" + ["一", "二", "三", "四", "五", "六", "七"][$0.offset],
                                                        sequence: 31 + 2 * $0.offset, address: $0.element) }
        let csv = try write("address.csv", ([Self.header] + rows).joined(separator: "\n") + "\n")
        let run = try SSCardProcess.run(["records", "import", csv, "--data-dir", root])
        #expect(run.status == 3)
        #expect(run.output.contains("recorded: 0"))
        #expect(run.output.contains("rejected: \(hostile.count)"))
        #expect(run.error.contains("U+202E") && run.error.contains("组合符号"))
    }

    @Test func lookAlikeNameDotsAreStoredAsTheOneMiddleDot() throws {
        let csv = try write("dots.csv", [Self.header, Self.row(name: "阿依古丽•买买提", sequence: 51),
                                          Self.row(name: "娜仁・其其格", sequence: 53)].joined(separator: "\n") + "\n")
        let run = try SSCardProcess.run(["records", "import", csv, "--data-dir", root])
        #expect(run.status == 0, "\(run.error)")
        let dump = try SSCardProcess.run(["journal", "dump", "--data-dir", root, "--full"]).output
        #expect(dump.contains("阿依古丽·买买提") && dump.contains("娜仁·其其格"))
        #expect(!dump.contains("•") && !dump.contains("・"))
    }

    @Test func aReportInAMissingFolderIsRefusedBeforeAnythingIsRecorded() throws {
        let csv = try write("ok.csv", [Self.header, Self.row(sequence: 61)].joined(separator: "\n") + "\n")
        let before = try personsRecorded()
        let run = try SSCardProcess.run(["records", "import", csv, "--data-dir", root, "--report", root + "/no/such/report.csv"])
        #expect(run.status == 2)
        #expect(run.error.contains("所在的文件夹不存在"))
        #expect(try personsRecorded() == before)
        // And the same file then imports, rather than being "unchanged".
        let again = try SSCardProcess.run(["records", "import", csv, "--data-dir", root])
        #expect(again.output.contains("recorded: 1"))
    }

    @Test func aSnapshotThatCannotBeWrittenStillPrintsTheSummary() throws {
        let csv = try write("snap.csv", [Self.header, Self.row(sequence: 63)].joined(separator: "\n") + "\n")
        let snapshots = root + "/snapshots"
        try? FileManager.default.removeItem(atPath: snapshots)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: snapshots))
        let run = try SSCardProcess.run(["records", "import", csv, "--data-dir", root])
        #expect(run.output.contains("recorded: 1"), "\(run.error)")
        #expect(run.error.contains("快照未能保存"))
        #expect(run.status == 0)
    }

    @Test func anExistingReportIsKeptUnlessForcedAndNeverFollowedThroughALink() throws {
        let csv = try write("bad.csv", [Self.header, Self.row(name: "钱x", sequence: 65)].joined(separator: "\n") + "\n")
        let existing = try write("existing.csv", "keep me\n")
        chmod(existing, 0o644)
        let refused = try SSCardProcess.run(["records", "import", csv, "--data-dir", root, "--report", existing])
        #expect(refused.status == 2)
        #expect(refused.error.contains("已存在") && refused.error.contains("--force"))
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me\n")

        let forced = try SSCardProcess.run(["records", "import", csv, "--data-dir", root, "--report", existing, "--force"])
        #expect(forced.status == 3)
        var status = stat()
        #expect(stat(existing, &status) == 0 && status.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: existing, encoding: .utf8).hasPrefix("line,field,reason"))

        let elsewhere = try write("elsewhere.txt", "someone else's file\n")
        let link = root + "/link.csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: elsewhere)
        let linked = try SSCardProcess.run(["records", "import", csv, "--data-dir", root, "--report", link, "--force"])
        #expect(linked.status == 2)
        #expect(linked.error.contains("符号链接"))
        #expect(try String(contentsOfFile: elsewhere, encoding: .utf8) == "someone else's file\n")
    }
}
