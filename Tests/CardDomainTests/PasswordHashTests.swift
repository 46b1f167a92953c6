import CardDomain
import Testing

@Suite struct PasswordHashTests {
    // Cheap parameters keep the tests fast; production uses .standard.
    let quick = PasswordHash.Parameters(logCost: 10, blockSize: 8, parallelism: 1)
    let salt: [UInt8] = Array("sscard-test-salt".utf8)

    @Test func rightPasswordVerifiesAndWrongOneDoesNot() throws {
        let stored = try PasswordHash.make(password: "Demo@2026", salt: salt, parameters: quick)
        #expect(stored.verify("Demo@2026"))
        #expect(!stored.verify("demo@2026"))
        #expect(!stored.verify(""))
    }

    @Test func encodedFormRoundTripsAndHoldsNoPassword() throws {
        let stored = try PasswordHash.make(password: "Demo@2026", salt: salt, parameters: quick)
        let encoded = stored.description
        #expect(encoded.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
        #expect(!encoded.contains("Demo"))
        let read = try #require(PasswordHash(encoded: encoded))
        #expect(read == stored)
        #expect(read.verify("Demo@2026"))
    }

    @Test func matchesTheScryptPaperVector() throws {
        // RFC 7914 section 12: P="password", S="NaCl", N=1024, r=8, p=16, first 32 bytes.
        let parameters = PasswordHash.Parameters(logCost: 10, blockSize: 8, parallelism: 16)
        let stored = try PasswordHash.make(password: "password", salt: Array("NaCl".utf8), parameters: parameters)
        let hex = stored.hash.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        #expect(hex == "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162")
    }

    @Test(arguments: ["", "scrypt$ln=10,r=8,p=1$c2FsdA==$aGFzaA==", "$scrypt$ln=40,r=8,p=1$c2FsdA==$" + String(repeating: "A", count: 44),
                      "$scrypt$ln=10,r=8$c2FsdA==$aGFzaA==", "$bcrypt$ln=10,r=8,p=1$c2FsdA==$aGFzaA==", "$scrypt$ln=x$$"])
    func malformedOrUnreasonableStoredHashesAreRefused(encoded: String) {
        #expect(PasswordHash(encoded: encoded) == nil)
    }
}
