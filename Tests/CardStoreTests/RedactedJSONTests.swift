import CardStore
import Foundation
import Testing

/// `journal dump`'s JSON: what it accepts is JSON by the grammar, and what it writes parses.
@Suite struct RedactedJSONTests {
    func rewrite(_ text: String, masking: Bool = false) -> String? {
        Array(text.utf8).withUnsafeBytes { RedactedJSON.rewrite($0, masking: masking) }
    }

    /// The dump once printed `"payload":4eeee…`: its number scanner took any run of 0-9+-.eE.
    @Test func aPayloadThatStartsWithADigitButIsNoNumberIsRefused() {
        for text in ["4eeee", "1.", ".5", "01", "-", "1e", "1e+", "--1", "1.2.3", "+1", "0x10", "1e400", "[1,,2]"] {
            #expect(rewrite(text) == nil, "\(text)")
        }
    }

    @Test func numbersByTheGrammarAreCopiedAsTheyAre() {
        for text in ["0", "-0", "12", "-1.5", "2e10", "2E-3", "1.25e+2", "123456789012345678901234567890"] {
            #expect(rewrite(text) == text, "\(text)")
        }
    }

    @Test func escapesNeedFourHexDigitsAndWholeSurrogatePairs() {
        #expect(rewrite(#""\u4e2d\u6587""#) == #""\u4e2d\u6587""#)
        #expect(rewrite(#""\ud83d\ude00""#) != nil)
        for text in [#""\u12""#, #""\uzzzz""#, #""\ud83d""#, #""\ude00""#, #""\ud83d\u0041""#] {
            #expect(rewrite(text) == nil, "\(text)")
        }
    }

    /// Foundation's parser takes a comma before a closing bracket; so does this, and what it
    /// writes is strict JSON without it.
    @Test func aTrailingCommaIsTakenAndNotWritten() throws {
        #expect(rewrite("[1, 2, ]") == "[1,2]")
        #expect(rewrite(#"{"a":1,}"#) == #"{"a":1}"#)
        let written = try #require(rewrite(#"{"a":[1,],"b":{"c":2,},}"#))
        #expect(try JSONSerialization.jsonObject(with: Data(written.utf8)) is [String: Any])
    }

    @Test func secretsAreLeftOutAndNumbersMasked() {
        let text = #"{"passwordHash":"$scrypt$x","documentNumber":"110102196104170268","mobile":"13800000000"}"#
        #expect(rewrite(text, masking: true) == #"{"documentNumber":"110102********0268","mobile":"138****0000"}"#)
    }
}
