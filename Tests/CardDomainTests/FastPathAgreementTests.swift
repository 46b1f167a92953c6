@testable import CardDomain
import Testing

/// The byte-level fast paths that an import runs a million times must agree, input for
/// input, with the general paths that normalise and explain.
@Suite struct FastPathAgreementTests {
    /// Numbers near the valid ones: right and wrong check characters, a lower-case x,
    /// impossible and future dates, a leading 0, years before 1800, spaces, full-width
    /// digits, 15 digits and other lengths.
    static func nearlyValidNumbers(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        var numbers: [String] = []
        for round in 0..<count {
            var digits = (0..<17).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) }
            let year = [1799, 1800, 1900, 1955, 2000, 2026, 2027, 2100][round % 8]
            let month = Int.random(in: 0...13, using: &generator)
            let day = Int.random(in: 0...32, using: &generator)
            let date = Array(String(format: "%04d%02d%02d", year, month, day))
            digits.replaceSubrange(6..<14, with: date)
            if round % 5 != 0, digits[0] == "0" { digits[0] = "1" }
            let check = ResidentIDNumber.checkCharacter(for: digits) ?? "0"
            var text = String(digits) + String(round % 7 == 0 ? "0123456789X".randomElement(using: &generator)! : check)
            switch round % 11 {
            case 1: text = text.lowercased()
            case 2: text = " " + text
            case 3: text = String(text.dropLast())
            case 4: text = String(text.prefix(15))
            case 5: text = text.replacingOccurrences(of: "1", with: "１")
            case 6: text += "0"
            default: break
            }
            numbers.append(text)
        }
        return numbers
    }

    @Test func residentIDFastPathAgreesWithTheGeneralPath() {
        let today = CalendarDate(year: 2026, month: 11, day: 22)!
        var accepted = 0
        for text in Self.nearlyValidNumbers(count: 20_000) {
            for day in [nil, today] {
                let fast = ResidentIDNumber.parse(text, today: day)
                let general = ResidentIDNumber.parseAsTyped(text, field: "证件号码", today: day)
                #expect(fast == general, "\(text)")
                if case .success = fast { accepted += 1 }
            }
            let type = DocumentType(code: "01", name: "居民身份证", rule: .residentID, onlineChannels: true)
            let typed = ResidentIDNumber.parseAsTyped(text.trimmingSpaces.uppercased(), field: "证件号码", today: nil)
            #expect(type.parseNumber(text) == typed.map(\.value), "\(text)")
        }
        // The generator reaches both sides.
        #expect(accepted > 1000)
        #expect(accepted < 38_000)
    }

    /// CalendarDate's reading as it was written before it read bytes: by Characters.
    static func dateByCharacters(_ text: String) -> CalendarDate? {
        let characters = Array(text)
        let hyphenated = characters.count == 10 && characters[4] == "-" && characters[7] == "-"
        let digits = hyphenated ? Array(characters[0..<4] + characters[5..<7] + characters[8..<10]) : characters
        guard digits.count == 8, digits.allSatisfy(\.isASCIIDigit), let value = Int(String(digits)) else { return nil }
        return CalendarDate(year: value / 10000, month: value / 100 % 100, day: value % 100)
    }

    @Test func calendarDateFromBytesAgreesWithReadingCharacters() {
        let texts = ["20000229", "19000229", "2000-02-29", "2000-2-29", "2000/02/29", "2000-02-2９", "200002２9",
                     "2000-02-29\u{301}", "1\u{301}9990101", "99991231", "00000101", "20001301", "2000-00-10",
                     "", "2000022", "200002290", "-2000022", "2000--0229", "+0000101", " 2000022"]
        for text in texts {
            #expect(CalendarDate(text) == Self.dateByCharacters(text), "\(text)")
            #expect(CalendarDate(Substring(text)) == Self.dateByCharacters(text), "\(text)")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = String((0..<Int.random(in: 7...11, using: &generator)).map { _ in
                "0123456789-x".randomElement(using: &generator)!
            })
            #expect(CalendarDate(text) == Self.dateByCharacters(text), "\(text)")
        }
    }
}
