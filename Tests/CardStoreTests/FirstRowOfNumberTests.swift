@testable import CardStore
import Testing

@Suite struct FirstRowOfNumberTests {
    @Test func aRepeatNamesTheFirstLineWhetherThePackedOrTheTextKeyHoldsIt() {
        var rows = FirstRowOfNumber()
        let numbers = ["11010519491231002X", "110105194912310021", "E12345678", "11010519491231002x", "1101051949123100２1"]
        for (index, number) in numbers.enumerated() {
            #expect(rows.firstLine(of: number, otherwiseRemember: index + 2) == nil, "\(number)")
        }
        for (index, number) in numbers.enumerated() {
            #expect(rows.firstLine(of: number, otherwiseRemember: 100) == index + 2, "\(number)")
        }
    }

    @Test func packedKeysAreExactlyThe17DigitsAndTheLastCharacter() {
        #expect(FirstRowOfNumber.packedKey("000000000000000000") == 0)
        #expect(FirstRowOfNumber.packedKey("00000000000000000X") == 10)
        #expect(FirstRowOfNumber.packedKey("000000000000000010") == 11)
        #expect(FirstRowOfNumber.packedKey("99999999999999999X") == 99_999_999_999_999_999 * 11 + 10)
        for text in ["0000000000000000X0", "11010519491231002", "1101051949123100211", "11010519491231002x", ""] {
            #expect(FirstRowOfNumber.packedKey(text) == nil, "\(text)")
        }
        var seen: [UInt64: String] = [:]
        for _ in 0..<50_000 {
            let text = String((0..<17).map { _ in "0123456789".randomElement()! }) + String("0123456789X".randomElement()!)
            let key = FirstRowOfNumber.packedKey(text)!
            #expect(seen[key] == nil || seen[key] == text)
            seen[key] = text
        }
    }
}
