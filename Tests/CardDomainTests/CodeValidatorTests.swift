import CardDomain
import Testing

@Suite struct CreditCodeTests {
    func problem(_ text: String) -> String? {
        if case .failure(let problem) = CreditCode.parse(text) { return problem.message }
        return nil
    }

    @Test(arguments: ["91110000600037341L", "91110108772551611J", "91230184MA1BUFLT44", "92371000MA3MXH0E3W",
                      "91110105MA01A2B325", "12110105400123456L"])
    func knownGoodCodesAreValid(code: String) {
        #expect(problem(code) == nil)
    }

    @Test func lowerCaseIsNormalised() throws {
        #expect(try CreditCode.parse("91110000600037341l").get().value == "91110000600037341L")
    }

    @Test func excludedLettersAreNamed() {
        #expect(problem("9111000060003734OL") == "含有不允许的字符「O」（代码中不使用字母 I、O、Z、S、V），请核对")
    }

    @Test func wrongCheckCharacterSaysWhichItShouldBe() {
        #expect(problem("91110000600037341K") == "校验位不正确（最后一位应为 L），请核对")
    }

    @Test func wrongLengthIsExplained() {
        #expect(problem("9111000060003734") == "应为 18 位，现在是 16 位")
    }

    @Test func aBodyIsCompletedWithTheCheckCharacterThatParses() {
        #expect(CreditCode.completing("91110000600037341") == "91110000600037341L")
        #expect(CreditCode.completing("91110105MA0000001").map(problem) == .some(nil))
        #expect(CreditCode.completing("9111000060003734O") == nil)
        #expect(CreditCode.completing("9111000060003734") == nil)
    }
}

@Suite struct MobileNumberTests {
    @Test func plainAndPrefixedNumbersAreAccepted() throws {
        #expect(try MobileNumber.parse("13800010001").get().value == "13800010001")
        #expect(try MobileNumber.parse("+86 138-0001-0001").get().value == "13800010001")
        #expect(try MobileNumber.parse("008619612345678").get().value == "19612345678")
    }

    @Test func badNumbersAreExplained() {
        #expect(MobileNumber.parse("1390003000", field: "卡预留手机号")
                == .failure(FieldProblem(field: "卡预留手机号", message: "应为 11 位手机号码，以 13 至 19 开头")))
        #expect(MobileNumber.parse("12800010001") == .failure(FieldProblem(field: "手机号码", message: "应为 11 位手机号码，以 13 至 19 开头")))
        #expect(MobileNumber.parse("1380001000a") == .failure(FieldProblem(field: "手机号码", message: "只能填写数字")))
    }
}

@Suite struct PostalCodeTests {
    @Test(arguments: ["100020", "100032", "102600", "101500"])
    func beijingCodesAreAccepted(code: String) {
        #expect((try? PostalCode.parse(code).get())?.value == code)
    }

    @Test func otherProvincesAndBadFormsAreRefused() {
        #expect(PostalCode.parse("200000") == .failure(FieldProblem(field: "邮政编码", message: "应为北京地区的邮政编码（100000 至 102999）")))
        #expect(PostalCode.parse("10002") == .failure(FieldProblem(field: "邮政编码", message: "应为 6 位数字")))
    }
}

@Suite struct CalendarDateTests {
    @Test func leapYearsFollowTheGregorianRule() {
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate("19900230") == nil)
        #expect(CalendarDate("2026-11-21") == CalendarDate(year: 2026, month: 11, day: 21))
        #expect(CalendarDate("2026-1121") == nil)
    }
}
