import CardDomain
import CardStore
import Testing

/// New passwords against cracklib's real dictionary (Debian cracklib-runtime), through the
/// same rules the screens and `sscard setup` use.
@Suite struct CrackLibDictionaryTests {
    let dictionary = CrackLibDictionary()

    @Test func theDictionaryIsInstalledAndRefusesWordsAndPatternsInChinese() throws {
        try #require(dictionary.isInstalled, "scripts/ensure-deps installs cracklib-runtime")
        let rules = PasswordRules(dictionary: dictionary)
        // Three kinds of character and eight of them, yet a dictionary word with decorations.
        let word = rules.problem("Password1!", owner: .init(username: "guitai09"))
        #expect(word?.message.contains("弱密码词典") == true)
        #expect(word?.message.contains("以常见单词为基础") == true)
        #expect(rules.problem("Abc12345!", owner: .init())?.message.contains("过于简单或有规律") == true)
        #expect(rules.problem("Kq7#mZp2vL", owner: .init(username: "guitai09")) == nil)
    }

    @Test func withoutTheDictionaryEveryPasswordIsRefusedWithTheFix() {
        let missing = CrackLibDictionary(path: "/nonexistent/cracklib_dict")
        #expect(!missing.isInstalled)
        #expect(missing.weakness(of: "Kq7#mZp2vL", username: nil)?.contains("cracklib-runtime") == true)
    }
}
