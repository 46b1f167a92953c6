@testable import CardStore
import Foundation
import JournalTestSupport
import SystemPackage
import Testing

/// The kind a replay reads without decoding is the kind JSONDecoder reads, on every record a
/// whole story writes; where the scanner is not sure, it says so and JSONDecoder answers.
@Suite struct EnvelopeKindScannerTests {
    private struct KindOnly: Decodable { var kind: String }

    private func scanned(_ text: String) -> String? {
        Array(text.utf8).withUnsafeBytes { EnvelopeKindScanner.kind($0) }
    }

    @Test func everyRecordOfAWholeStoryGivesTheKindJSONDecoderGives() throws {
        let data = DataDirectory(FilePath(try TemporaryFolder.make("sscard-kind-scanner")))
        let repository = try CardRepository(data: data, reference: CardRepositoryTests.reference)
        try CardRepositoryTests.runTheWholeStory(on: repository)
        repository.close()
        var kinds: [String: Int] = [:]
        try data.reader().forEach(stopAfterBatch: nil) { _, type, _, payload in
            guard type == EventCodec.eventRecordType else { return }
            let decoded = try JSONDecoder().decode(KindOnly.self, from: Data(payload)).kind
            #expect(EnvelopeKindScanner.kind(payload) == decoded)
            kinds[decoded, default: 0] += 1
        }
        // The story writes every kind the shared index holds but one, and some it does not.
        #expect(Set(kinds.keys).isSuperset(of: ["personRecorded", "unitRecorded", "draftSaved", "applicationSubmitted",
                                                "statusChanged", "personViewed"]))
        #expect(kinds.values.reduce(0, +) > 60)
    }

    @Test func readsTheTopLevelKindPastNestedOnesAndEscapedStrings() {
        let nested = #"{"actor":"a\"}\\","data":{"kind":"inner","list":[{"kind":"x"},"]",{}]},"kind":"draftSaved","v":1}"#
        #expect(scanned(nested) == "draftSaved")
        #expect(scanned(" {\n\t\"kind\" : \"personViewed\" } ") == "personViewed")
        #expect(scanned(#"{"at":-1.5e3,"ok":true,"none":null,"kind":"a"}"#) == "a")
    }

    /// A quote ends a skipped string after an even run of backslashes (none counts), and
    /// not after an odd one, wherever the run starts.
    @Test func skippedStringsEndAtTheFirstQuoteNotEscaped() {
        #expect(scanned(#"{"a":"","kind":"k"}"#) == "k")
        #expect(scanned(#"{"a":"\"","kind":"k"}"#) == "k")
        #expect(scanned(#"{"a":"\\","kind":"k"}"#) == "k")
        #expect(scanned(#"{"a":"\\\"\\","kind":"k"}"#) == "k")
        #expect(scanned(#"{"a":"x\\\\\"\",\"kind\":\"no\"","kind":"k"}"#) == "k")
        #expect(scanned(#"{"a":["\\\\",{"b":"\""}],"kind":"k"}"#) == "k")
        // An escaped quote is no end: the string runs on past the bytes.
        #expect(scanned(#"{"a":"\","kind":"k"}"#) == nil)
        #expect(scanned(#"{"a":"\\\","kind":"k"}"#) == nil)
    }

    @Test func saysNothingWhenItIsNotSure() {
        let unsure = [
            #"{"kind":"a","kind":"b"}"#,        // twice: JSONDecoder's choice is its own
            #"{"ki\u006ed":"a"}"#,              // an escaped key
            #"{"kind":"person\u0056iewed"}"#,   // an escaped kind
            #"{"kind":7}"#,                     // not a string
            #"["kind","a"]"#,                    // not an object
            #"{"kind":"a""#,                     // cut short
            #"{"data":{"kind":"a"}}"#,           // only a nested kind
            "",
            "{",
        ]
        for text in unsure { #expect(scanned(text) == nil, "\(text)") }
        #expect(Array([0x7B, 0x22, 0x6B, 0x69, 0x6E, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D] as [UInt8])
            .withUnsafeBytes { EnvelopeKindScanner.kind($0) } == nil)
    }

    @Test func eventCodecFallsBackToJSONDecoderForWhatTheScannerLeaves() throws {
        let escaped = Array(#"{"kind":"person\u0056iewed","v":1}"#.utf8)
        #expect(try escaped.withUnsafeBytes { try EventCodec.kind($0) } == "personViewed")
        #expect(throws: (any Error).self) { try Array("{".utf8).withUnsafeBytes { try EventCodec.kind($0) } }
    }
}
