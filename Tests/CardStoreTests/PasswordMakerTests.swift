import CardDomain
import CardStore
import Testing

/// Passwords an administrator or a person sets get the standard scrypt cost; only the
/// demo's published password is hashed cheaply.
@Suite struct PasswordMakerTests {
    @Test func aNewPasswordGetsTheStandardCostAndAFreshSalt() throws {
        let first = try PasswordMaker.hash("Counter@2026x")
        let second = try PasswordMaker.hash("Counter@2026x")
        #expect(first.hasPrefix("$scrypt$ln=15,r=8,p=1$"), "\(first)")
        #expect(first != second)
        let parsed = try #require(PasswordHash(encoded: first))
        #expect(parsed.parameters == .standard)
        #expect(parsed.verify("Counter@2026x") && !parsed.verify("Counter@2026"))
    }

    @Test func aTemporaryPasswordMeetsThePasswordRules() {
        for _ in 0..<20 {
            let password = PasswordMaker.temporary()
            #expect(password.count == 14 && password.filter { $0 == "-" }.count == 2, "\(password)")
            #expect(!password.contains { "0O1lI".contains($0) }, "\(password)")
            let rules = PasswordRules(dictionary: CrackLibDictionary())
            #expect(rules.problem(password, owner: .init(username: "guitai09")) == nil, "\(password)")
        }
    }
}
