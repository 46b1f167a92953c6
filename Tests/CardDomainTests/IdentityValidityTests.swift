import CardDomain
import Testing

@Suite struct IdentityValidityTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(text)! }
    let today = CalendarDate(year: 2026, month: 11, day: 21)!

    @Test func periodFollowsAgeAtIssue() {
        let birth = date("19880312")
        #expect(IdentityValidity.expected(start: date("2000-06-01"), birth: birth) == .until(date("2005-06-01")))  // 12
        #expect(IdentityValidity.expected(start: date("2004-03-12"), birth: birth) == .until(date("2014-03-12")))  // 16
        #expect(IdentityValidity.expected(start: date("2015-06-01"), birth: birth) == .until(date("2035-06-01")))  // 27
        #expect(IdentityValidity.expected(start: date("2034-03-12"), birth: birth) == .longTerm)  // 46
        #expect(IdentityValidity.expected(start: date("2034-03-11"), birth: birth) == .until(date("2054-03-11")))  // 45
    }

    @Test func leapDayStartEndsOnTheTwentyEighth() {
        #expect(IdentityValidity.expected(start: date("2016-02-29"), birth: date("19900101")) == .until(date("2036-02-29")))
        #expect(IdentityValidity.expected(start: date("2012-02-29"), birth: date("19900101")) == .until(date("2022-02-28")))  // 22: ten years
        #expect(IdentityValidity.expected(start: date("2008-02-29"), birth: date("19900101")) == .until(date("2018-02-28")))
    }

    @Test func demoPersonWithExpiredIDIsAskedForTheRenewedCard() {
        // 郑强, born 1979-10-20, ID from 2005-03-01 (age 25: ten years) expired 2015-03-01.
        let result = IdentityValidity.checkStart("2005-03-01", birth: date("19791020"), today: today)
        #expect(result == .failure(FieldProblem(field: "证件有效期限开始日期",
            message: "按此日期，证件已于 2015-03-01 过期；请填写新换领证件的开始日期，或先换领身份证")))
        #expect(IdentityValidity.checkStart("2015-02-20", birth: date("19791020"), today: today) == .success(date("2015-02-20")))
    }

    @Test func startMustBeARealPastDateAfterBirth() {
        let birth = date("19880312")
        #expect(IdentityValidity.checkStart("2026-11-22", birth: birth, today: today)
                == .failure(FieldProblem(field: "证件有效期限开始日期", message: "不能晚于今天（2026-11-21）")))
        #expect(IdentityValidity.checkStart("1980-01-01", birth: birth, today: today)
                == .failure(FieldProblem(field: "证件有效期限开始日期", message: "不能早于出生日期（1988-03-12）")))
        #expect(IdentityValidity.checkStart("2015-02-30", birth: birth, today: today)
                == .failure(FieldProblem(field: "证件有效期限开始日期", message: "请按 年-月-日 填写有效日期，例如 2015-06-01")))
    }
}

@Suite struct PersonNameTests {
    func message(_ text: String) -> String? {
        if case .failure(let problem) = PersonName.parse(text) { return problem.message }
        return nil
    }

    @Test func chineseMinorityAndForeignNamesAreAccepted() throws {
        #expect(try PersonName.parse("孙建国").get().value == "孙建国")
        #expect(try PersonName.parse("阿依古丽•买买提").get().value == "阿依古丽·买买提")
        #expect(try PersonName.parse(" John Smith ").get().value == "John Smith")
    }

    @Test func badNamesAreExplained() {
        #expect(message("") == "请填写姓名")
        #expect(message("张") == "汉字姓名至少 2 个字")
        #expect(message("张3") == "含有不允许的字符「3」；只能填写汉字、字母和间隔号 ·")
        #expect(message("张\u{202E}三") == "含有不允许的字符「\\u{202E}」；只能填写汉字、字母和间隔号 ·")
        #expect(message("·张三") == "间隔号 · 只能用在姓名中间，且不能连用")
        #expect(message("张三Li") == "请只用汉字或只用字母填写，与证件一致")
        #expect(message("张 三") == "汉字姓名中不能有空格")
        #expect(message(String(repeating: "张", count: 31)) == "不能超过 30 个字")
    }
}

@Suite struct StreetAddressTests {
    @Test func deliverableAddressesAreAcceptedAndOthersExplained() {
        #expect((try? StreetAddress.parse("北京市朝阳区和平街12号院3号楼2单元501").get()) != nil)
        #expect(StreetAddress.parse("朝阳区", field: "收件详细地址") == .failure(FieldProblem(field: "收件详细地址",
            message: "太短，请写到街道、门牌号，例如「北京市朝阳区和平街12号院3号楼2单元501」")))
        #expect(StreetAddress.parse("1234567") == .failure(FieldProblem(field: "详细地址", message: "不能只有数字，请写明街道和门牌号")))
        #expect(StreetAddress.parse("北京市朝阳区\u{7}和平街") == .failure(FieldProblem(field: "详细地址",
            message: "含有不可见或控制字符（U+0007），请删除后重新输入")))
    }

    /// What the screen shows must be what is stored: no bidi overrides or isolates, no
    /// zero-width or private characters, no line separators; and combining marks cannot
    /// make a 100-character address of a million scalars.
    @Test func hiddenAndBidiCharactersAndMarkFloodsAreRefused() {
        for (text, code) in [("北京市朝阳区\u{202E}号21街某", "202E"), ("北京市朝阳区某街\u{200B}5号", "200B"),
                             ("\u{FEFF}北京市朝阳区某街6号", "FEFF"), ("北京市朝阳区某街\u{2028}7号", "2028"),
                             ("北京市朝阳区某街\u{E000}8号", "E000"), ("北京市朝阳区\u{2066}某街9号", "2066")] {
            #expect(StreetAddress.parse(text) == .failure(FieldProblem(field: "详细地址",
                message: "含有不可见或控制字符（U+\(code)），请删除后重新输入")))
        }
        let flood = "北京市朝阳区某街" + String(repeating: "\u{0301}", count: 1_000_000)
        #expect(flood.count < 100)
        #expect(StreetAddress.parse(flood) == .failure(FieldProblem(field: "详细地址", message: "含有过多的组合符号，请重新输入")))
    }
}
