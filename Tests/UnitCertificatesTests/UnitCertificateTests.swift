import CardStore
import CertificateTestSupport
import Foundation
import SystemPackage
import Testing
import UnitCertificates

/// Unit certificates made by the `openssl` command line, P-256, RSA and SM2, read, used and
/// checked by both adapters (swift-certificates cannot parse SM2); and the deployment CA's own certificates read back by
/// `openssl`.
@Suite struct UnitCertificateTests {
    static let creditCode = "91110105MA01234567"
    /// Now, read after openssl has signed (its certificates start at the second they are made).
    static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    @Test(arguments: [false, true])
    func anOpenSSLMadeCertificateSignsAndChains(sm2: Bool) throws {
        let tool = try OpenSSLTool()
        try tool.makeChain("outside", sm2: sm2, creditCode: Self.creditCode, password: "Pass@word1")
        let certificate = try #require(X509Certificate.read(pem: try tool.text("outside-unit.pem")))
        #expect(certificate.subjectSerialNumber == Self.creditCode && certificate.isSM2 == sm2 && certificate.allowsClientAuth)
        #expect(throws: CertificateKey.ReadError.wrongPassword) {
            try CertificateKey.read(pem: try tool.text("outside-unit.key"), password: "wrong")
        }
        let key = try CertificateKey.read(pem: try tool.text("outside-unit.key"), password: "Pass@word1")
        #expect(certificate.belongs(to: key))
        let challenge = Array("sscard-login-v1 challenge".utf8)
        let signature = try #require(key.sign(challenge))
        #expect(certificate.verifies(signature, over: challenge))
        #expect(!certificate.verifies(signature, over: challenge + [0]))
        let authority = try tool.text("outside-ca.pem")
        // Both adapters where swift-certificates can parse the certificate; OpenSSL alone for SM2.
        let verifiers: [any CertificateVerifier] = sm2 ? [OpenSSLCertificateVerifier(), UnitCertificateVerifier()]
            : [OpenSSLCertificateVerifier(), SwiftCertificatesVerifier(), UnitCertificateVerifier()]
        for verifier in verifiers {
            #expect(verifier.verify(certificate, trusting: [authority], at: Self.now) == .valid, "\(verifier)")
            #expect(verifier.verify(certificate, trusting: [authority], at: Self.now + 40 * 86_400) == .expired, "\(verifier)")
            #expect(verifier.verify(certificate, trusting: [authority], at: Self.now - 2 * 86_400) == .notYetValid, "\(verifier)")
            #expect(verifier.verify(certificate, trusting: [], at: Self.now) == .untrusted, "\(verifier)")
        }
        #expect(SwiftCertificatesVerifier().verify(certificate, trusting: [authority], at: Self.now) == (sm2 ? .invalid("swift-certificates 无法解析该证书") : .valid))
    }

    /// RSA through swift-certificates; and a certificate for TLS servers, not clients, is
    /// refused by both adapters, although its chain is fine.
    @Test func rsaChainsAndServerOnlyCertificates() throws {
        let tool = try OpenSSLTool()
        try tool.makeChain("rsa", sm2: false, creditCode: Self.creditCode, password: "p", rsa: true)
        let rsa = try #require(X509Certificate.read(pem: try tool.text("rsa-unit.pem")))
        let key = try CertificateKey.read(pem: try tool.text("rsa-unit.key"), password: "p")
        let challenge = Array("challenge".utf8)
        #expect(rsa.verifies(try #require(key.sign(challenge)), over: challenge))
        #expect(SwiftCertificatesVerifier().verify(rsa, trusting: [try tool.text("rsa-ca.pem")], at: Self.now) == .valid)
        try tool.makeChain("server", sm2: false, creditCode: Self.creditCode, password: "p", usage: "serverAuth")
        let server = try #require(X509Certificate.read(pem: try tool.text("server-unit.pem")))
        for verifier in [OpenSSLCertificateVerifier(), SwiftCertificatesVerifier()] as [any CertificateVerifier] {
            #expect(verifier.verify(server, trusting: [try tool.text("server-ca.pem")], at: Self.now) == .notForLogin, "\(verifier)")
        }
    }

    @Test func aCertificateFromAnotherCAIsUntrusted() throws {
        let tool = try OpenSSLTool()
        try tool.makeChain("one", sm2: false, creditCode: Self.creditCode, password: "p")
        try tool.makeChain("two", sm2: false, creditCode: Self.creditCode, password: "p")
        let certificate = try #require(X509Certificate.read(pem: try tool.text("one-unit.pem")))
        for verifier in [OpenSSLCertificateVerifier(), SwiftCertificatesVerifier()] as [any CertificateVerifier] {
            #expect(verifier.verify(certificate, trusting: [try tool.text("two-ca.pem")], at: Self.now) == .untrusted, "\(verifier)")
        }
    }

    /// The deployment's CA issues a unit certificate whose key `openssl` opens with the
    /// password and whose chain `openssl verify` accepts.
    @Test(arguments: [false, true])
    func theDeploymentsCertificatesInteroperate(sm2: Bool) throws {
        let tool = try OpenSSLTool()
        let authority = DeploymentAuthority(dataRoot: FilePath(tool.directory.path))
        _ = try authority.create(name: "sscard 测试 CA", sm2: sm2, now: Self.now, serial: 1)
        #expect(throws: DeploymentAuthority.Problem.self) { try authority.create(name: "again", sm2: sm2, now: Self.now, serial: 2) }
        let (caCertificate, caKey) = try authority.load()
        let key = try #require(CertificateKey.generate(sm2: sm2))
        let unit = try #require(X509Certificate.issue(for: key, commonName: "星河科技", organisation: "星河科技", subjectSerialNumber: Self.creditCode,
                                                      issuer: caCertificate, issuerKey: caKey, notBefore: Self.now - 60,
                                                      notAfter: Self.now + 86_400, isAuthority: false, serial: 77))
        try unit.pem.write(to: tool.directory.appendingPathComponent("mine.pem"), atomically: true, encoding: .utf8)
        try #require(key.pem(password: "证书密码1")).write(to: tool.directory.appendingPathComponent("mine.key"), atomically: true, encoding: .utf8)
        let verify = sm2 ? ["verify", "-vfyopt", "distid:1234567812345678"] : ["verify"]
        #expect(try tool.run(verify + ["-CAfile", "ca/authority.pem", "mine.pem"]).contains("mine.pem: OK"))
        try tool.run(["pkey", "-in", "mine.key", "-passin", "pass:证书密码1", "-noout"])
        #expect(unit.serial == "4D")
        #expect(UnitCertificateVerifier().verify(unit, trusting: authority.authorities(), at: Self.now) == .valid)
        let mode = try FileManager.default.attributesOfItem(atPath: tool.directory.appendingPathComponent("ca/authority.key").path)[.posixPermissions]
        #expect(mode as? Int == 0o600)
    }

    @Test func damagedInputIsRefusedNotCrashedOn() throws {
        #expect(X509Certificate.read(pem: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n") == nil)
        #expect(X509Certificate.read(pem: "") == nil)
        #expect(throws: CertificateKey.ReadError.unreadable) { try CertificateKey.read(pem: "not a key", password: "x") }
    }
}
