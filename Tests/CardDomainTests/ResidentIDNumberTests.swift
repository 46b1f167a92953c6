import CardDomain
import Testing

@Suite struct ResidentIDNumberTests {
    func parsed(_ text: String, today: CalendarDate? = nil) -> ResidentIDNumber? {
        try? ResidentIDNumber.parse(text, today: today).get()
    }

    func message(_ text: String, today: CalendarDate? = nil) -> String? {
        if case .failure(let problem) = ResidentIDNumber.parse(text, today: today) { return problem.message }
        return nil
    }

    @Test(arguments: ["11010519491231002X", "440524188001010014"])
    func examplesOfTheStandardAreValid(number: String) {
        #expect(parsed(number)?.value == number)
    }

    @Test(arguments: ["110105198803120313", "110105199205210487", "110108199508071153", "110101197910200554",
                      "110101198501150626", "110102199002280777", "110106199811030845", "110105195609090137",
                      "110102196104170268", "110108195801300391"])
    func demoDataNumbersAreValid(number: String) {
        #expect(parsed(number) != nil)
    }

    @Test func lowerCaseXIsAcceptedAndNormalised() {
        #expect(parsed("11010519491231002x")?.value == "11010519491231002X")
        #expect(parsed("  11010519491231002x ")?.value == "11010519491231002X")
    }

    @Test func fifteenDigitLegacyNumberIsConverted() {
        let converted = parsed("110105491231002")
        #expect(converted?.value == "11010519491231002X")
        #expect(converted?.birthDate == CalendarDate(year: 1949, month: 12, day: 31))
    }

    @Test func obsoleteBeijingAddressCodesAreAccepted() throws {
        // 110103 崇文区 and 110104 宣武区 (merged 2010), 110228 密云县 (until 2015).
        for prefix in ["110103", "110104", "110228"] {
            var body = Array(prefix + "19500101001")
            body.append(try #require(ResidentIDNumber.checkCharacter(for: body)))
            #expect(parsed(String(body)) != nil, "\(prefix)")
        }
    }

    @Test func sexAndBirthDateComeFromTheNumber() {
        let man = parsed("110105195609090137")
        #expect(man?.sex == .male)
        #expect(man?.birthDate == CalendarDate(year: 1956, month: 9, day: 9))
        #expect(man?.addressCode == "110105")
        #expect(parsed("110102196104170268")?.sex == .female)
    }

    @Test func impossibleDateIsRefusedNamingIt() {
        // 1990-02-30 with a correct check character, so only the date is wrong.
        var body = Array("11010519900230001")
        body.append(ResidentIDNumber.checkCharacter(for: body)!)
        #expect(message(String(body)) == "出生日期 19900230 不是有效日期，请核对号码")
    }

    @Test func wrongCheckCharacterSaysWhichItShouldBe() {
        #expect(message("110105198803120314") == "校验位不正确（最后一位应为 3），请核对号码")
    }

    @Test func wrongLengthAndCharactersAreExplained() {
        #expect(message("1101051988") == "应为 18 位（或 15 位旧号码），现在是 10 位")
        #expect(message("11010519880312031A") == "前 17 位应为数字，最后一位为数字或 X")
        #expect(message("") == "请填写证件号码")
    }

    @Test func birthDateAfterTodayIsRefused() {
        var body = Array("11010520300101001")
        body.append(ResidentIDNumber.checkCharacter(for: body)!)
        let today = CalendarDate(year: 2026, month: 11, day: 21)
        #expect(message(String(body), today: today) == "出生日期 2030-01-01 晚于今天，请核对号码")
    }

    @Test func problemNamesTheField() {
        if case .failure(let problem) = ResidentIDNumber.parse("123", field: "经办人证件号码") {
            #expect(problem.description == "经办人证件号码：应为 18 位（或 15 位旧号码），现在是 3 位")
        } else {
            Issue.record("123 was accepted")
        }
    }

    /// "1" with a combining acute accent is one Character that sorts between "1" and "2":
    /// it once passed as a digit and crashed the check-character sum.
    @Test func digitsWithCombiningMarksAreRefusedNotACrash() {
        #expect(message("1\u{0301}10105195609090137") == "前 17 位应为数字，最后一位为数字或 X")
        #expect(message("11010519560909013\u{0301}7") == "前 17 位应为数字，最后一位为数字或 X")
        #expect(message("110105195609090\u{0661}37") == "前 17 位应为数字，最后一位为数字或 X")
        #expect(message("1\u{0301}10105560909013") == "15 位旧号码应全部为数字")
        if case .success = MobileNumber.parse("1390003000\u{0301}1") { Issue.record("a phone number with a mark passed") }
        if case .success = MobileNumber.parse("１３９０００３０００１") { Issue.record("full-width digits passed") }
    }
}
