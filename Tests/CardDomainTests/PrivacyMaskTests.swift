import CardDomain
import Testing

@Suite struct PrivacyMaskTests {
    @Test func identityNumbersKeepAddressCodeAndLastFour() {
        // The examples of DECISIONS.md D12.
        #expect(PrivacyMask.identityNumber("110105198803120313") == "110105********0313")
        #expect(PrivacyMask.identityNumber("11010519880312031X") == "110105********031X")
    }

    @Test func phoneNumbersKeepPrefixAndLastFour() {
        #expect(PrivacyMask.phoneNumber("13800010001") == "138****0001")
    }

    @Test func valuesTooShortToMaskAreStarredWhole() {
        #expect(PrivacyMask.identityNumber("12345") == "*****")
        #expect(PrivacyMask.phoneNumber("1380001") == "*******")
        #expect(PrivacyMask.phoneNumber("") == "")
    }
}
