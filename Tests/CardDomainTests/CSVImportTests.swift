import CardDomain
import Testing

/// The import file: CSV as spreadsheets write it, headers with aliases, rows read into records.
@Suite struct CSVImportTests {
    static let header = "姓名,证件号码,性别,出生日期,证件有效期限开始日期,常住所在地地址,常住地所在区,卡预留手机号,人员状态,养老金代发银行,养老金代发网点"

    static func reader(_ header: [String]) throws -> PersonRowReader {
        try PersonRowReader(header: header, reference: DomainFixture.reference, today: DomainFixture.today)
    }

    @Test func quotedFieldsBOMAndLineNumbersOfMultiLineRecords() {
        let text = "\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\nlast,row\n\n"
        let table = CSVTable.parse(Array(text.utf8))!
        #expect(table.header == ["a", "b"])
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.rows[0].fields == ["x, \"y\"", "two\nlines"])
        #expect(CSVTable.parse([0xFF, 0xFE, 0x41]) == nil)
        // Fields are checked as UTF-8 one by one: a bad byte anywhere still refuses the file,
        // in a later field, a quoted one, one cut by a comma, or one whose quote never closes.
        let good = Array("姓名,b\n张三,".utf8)
        for bad: [UInt8] in [[0xE5, 0x2C, 0x41], [0x22, 0xC3, 0x22], [0xE5, 0xBC], [0x22, 0x41, 0xFF, 0x0A]] {
            #expect(CSVTable.parse(good + bad) == nil, "\(bad)")
        }
        #expect(CSVTable.parse(good + Array("\"未闭合\n".utf8))?.unclosedQuoteLine == 2)
        #expect(CSVTable.quote("a,\"b\"") == "\"a,\"\"b\"\"\"")
    }

    /// The import checks a file in one pass that keeps no rows, then reads it a batch at a
    /// time: both see what parsing it whole sees.
    @Test(arguments: ["姓名,证件号码\r\n孙建国,1\r\n\r\n\"李,\"\"四\"\"\n2\",3\n", "\u{FEFF}a,b\n\n\n", "a\n\"x\ny", "", "\n\n",
                      "a,b\r\nc,\"\"", "a\rb\rc"])
    func aSurveyAndARowByRowReadAgreeWithTheWholeParse(_ text: String) throws {
        let bytes = Array(text.utf8)
        let table = try #require(CSVTable.parse(bytes))
        #expect(CSVTable.survey(bytes) == CSVSurvey(header: table.header, rowCount: table.rows.count,
                                                    unclosedQuoteLine: table.unclosedQuoteLine))
        var scanner = CSVRecordScanner(bytes[...])
        var rows: [[String]] = []
        while let row = try scanner.nextNonBlank() { rows.append(row.fields) }
        #expect(rows == (table.header.isEmpty ? [] : [table.header]) + table.rows.map(\.fields))
        #expect(CSVTable.survey(bytes + [0xFF]) == nil)
    }

    /// A quote inside a character: unquoting would make it whole again, but the file is not
    /// UTF-8 text as it stands, and both the survey and the parse refuse it (found by fuzzing).
    @Test func aQuoteThatSplitsACharacterRefusesTheFile() {
        let split: [UInt8] = Array("a,b\n\"朝".utf8) + [0xE6, 0x9D, 0x22, 0xB8] + Array(",c\n".utf8)
        #expect(CSVTable.parse(split) == nil)
        #expect(CSVTable.survey(split) == nil)
    }

    @Test func englishAliasesAreAcceptedAndUnknownHeadersNamed() throws {
        _ = try Self.reader(["Name", "ID Number", "validity_start", "address", "district", "status"])
        #expect(throws: PersonRowReader.HeaderProblem.unknown(column: 2, header: "工号")) {
            try Self.reader(["姓名", "工号"])
        }
        #expect(throws: PersonRowReader.HeaderProblem.missing([.documentNumber, .validityStart, .residenceAddress,
                                                               .residenceDistrict, .status])) {
            try Self.reader(["姓名"])
        }
    }

    @Test func aGoodRowBecomesARecordWithNamesTurnedIntoCodes() throws {
        let reader = try Self.reader(Self.header.split(separator: ",").map(String.init))
        let row = "孙建国,110105195609090137,男,1956/9/9,2010-05-01,北京市朝阳区劲松八区802号楼,朝阳区,139 0003 0001,退休,中国工商银行,中国工商银行北京朝阳支行"
        let person = try reader.read(row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)).get()
        #expect(person.residenceDistrict == "110105")
        #expect(person.pensionBank == "中国工商银行")
        #expect(person.mobile == "13900030001")
        #expect(person.birthDate == CalendarDate(year: 1956, month: 9, day: 9))
        #expect(person.nationality == "CHN")
    }

    @Test func sexAndBirthDateThatContradictTheIDNumberAreRejected() throws {
        let reader = try Self.reader(Self.header.split(separator: ",").map(String.init))
        let row = "孙建国,110105195609090137,女,1956-09-10,2010-05-01,北京市朝阳区劲松八区802号楼,朝阳区,,退休,中国工商银行,中国工商银行北京朝阳支行"
        let outcome = reader.read(row.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        guard case .failure(let found) = outcome else { Issue.record("accepted a contradiction"); return }
        #expect(found.problems == [
            FieldProblem(field: "性别", message: "与证件号码不符（号码表明为男）"),
            FieldProblem(field: "出生日期", message: "与证件号码不符（号码表明为 1956-09-09）"),
        ])
    }

    @Test func anImpossibleDateInTheIDNumberIsNamed() throws {
        let reader = try Self.reader(Self.header.split(separator: ",").map(String.init))
        let row = "某某,110105199002300011,,,2010-05-01,北京市朝阳区劲松八区802号楼,朝阳区,,退休,中国工商银行,中国工商银行北京朝阳支行"
        guard case .failure(let found) = reader.read(row.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        else { Issue.record("accepted 19900230"); return }
        #expect(found.problems.first == FieldProblem(field: "证件号码", message: "出生日期 19900230 不是有效日期，请核对号码"))
    }

    /// A cell a spreadsheet would run as a formula is written as text (CSV injection).
    @Test func spreadsheetCellsNeverStartAFormula() {
        #expect(CSVTable.spreadsheetCell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVTable.spreadsheetCell("+1") == "'+1")
        #expect(CSVTable.spreadsheetCell("-2") == "'-2")
        #expect(CSVTable.spreadsheetCell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVTable.spreadsheetCell("刘洋") == "刘洋")
        #expect(CSVTable.spreadsheetCell("a,b") == "\"a,b\"")
    }
}
