import CardDomain
import CardStore
import CertificateTestSupport
import Foundation
import Testing
import UnitCertificates
@testable import CardApp

/// The holes an attacker found in 证书登录, each closed: a lock kept whatever certificate
/// lies beside the key, one trust-anchor policy for both verifiers, serials that can be
/// revoked, keys that resist an offline search, and an expired CA named as such.
@Suite struct CertificateHoleTests {
    typealias Login = CertificateLoginTests
    static let otherUnit = "12110105400123456L"
    static var now: Int64 { Int64(Date().timeIntervalSince1970) * 1_000_000 }

    /// A folder holding `keyFolder`'s key beside `certificateFolder`'s certificate.
    static func swapped(key keyFolder: String, certificate certificateFolder: String) throws -> String {
        let folder = keyFolder + "-swapped"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: keyFolder + "/key.pem", toPath: folder + "/key.pem")
        try FileManager.default.copyItem(atPath: certificateFolder + "/certificate.pem", toPath: folder + "/certificate.pem")
        return folder
    }

    @Test func swappingTheCertificateBesideALockedKeyGainsNothing() throws {
        let fixture = try AppFixture()
        let mine = try Login.issue(fixture)
        let other = try Login.issue(fixture, creditCode: Self.otherUnit)
        var model = try fixture.model(channel: .web)
        for attempt in 1...5 { Login.logIn(&model, folder: mine.folder, password: "wrong\(attempt)") }
        #expect(model.screen().contains("已锁定"))
        // The same key beside another unit's certificate: the right password and a wrong one
        // get the same answer, so nothing tells them apart.
        let folder = try Self.swapped(key: mine.folder, certificate: other.folder)
        Login.logIn(&model, folder: folder)
        let right = model.currentForm.fields.first { $0.id == "password" }?.problem
        Login.logIn(&model, folder: folder, password: "wrong6")
        let wrong = model.currentForm.fields.first { $0.id == "password" }?.problem
        #expect(right == wrong && right?.contains("已锁定") == true, "\(String(describing: right)) / \(String(describing: wrong))")
        #expect(!model.screen().contains("不属于这张证书"))
        #expect(model.session == nil)
        // The unit is locked too: another key of the same unit waits as well.
        let second = try Login.issue(fixture)
        Login.logIn(&model, folder: second.folder)
        #expect(model.session == nil && model.screen().contains("已锁定"))
    }

    /// The unit's lock counts only certificates that chain to a trusted CA: one made up
    /// with the unit's credit code is refused as untrusted before any password is tried.
    @Test func aMadeUpCertificateCannotLockAUnitOut() throws {
        let fixture = try AppFixture()
        let tool = try OpenSSLTool()
        try tool.makeChain("madeup", sm2: false, creditCode: Login.xinghe, password: Login.password)
        let forged = try tool.usbFolder("madeup")
        var model = try fixture.model(channel: .web)
        for attempt in 1...6 { Login.logIn(&model, folder: forged, password: "wrong\(attempt)", at: Self.now) }
        #expect(model.screen(at: Self.now).contains("不是本系统认可的 CA 签发的"))
        #expect(fixture.repository.state.certificateLocks.isEmpty)
        let genuine = try Login.issue(fixture)
        Login.logIn(&model, folder: genuine.folder)
        #expect(model.session?.actor.unitNumber == "10000001", "\(model.screen())")
    }

    /// A v1 self-signed certificate, and a v3 one with keyCertSign but no basicConstraints,
    /// are refused by `ca trust` and, put into the trusted folder by hand, sign no login:
    /// the same certificates on the SM2 path (OpenSSL) and the P-256 path (swift-certificates).
    @Test(arguments: [(false, OpenSSLTool.CAKind.v1), (true, .v1), (false, .keyCertSignOnly), (true, .keyCertSignOnly)])
    func aCertificateThatIsNoCAIsNeverATrustAnchor(sm2: Bool, kind: OpenSSLTool.CAKind) throws {
        let fixture = try AppFixture()
        let tool = try OpenSSLTool()
        try tool.makeChain("rogue", sm2: sm2, creditCode: Login.xinghe, password: Login.password, caKind: kind)
        let authority = DeploymentAuthority(dataRoot: fixture.repository.data.root)
        #expect(throws: DeploymentAuthority.Problem.self) { try authority.trust(try tool.text("rogue-ca.pem"), now: Self.now / 1_000_000) }
        let trusted = fixture.repository.data.root.appending("ca/trusted")
        try FileManager.default.createDirectory(atPath: trusted.string, withIntermediateDirectories: true)
        try tool.text("rogue-ca.pem").write(toFile: trusted.string + "/rogue.pem", atomically: true, encoding: .utf8)
        var model = try fixture.model(channel: .web)
        Login.logIn(&model, folder: try tool.usbFolder("rogue"), at: Self.now)
        #expect(model.session == nil)
        #expect(model.screen(at: Self.now).contains("不是本系统认可的 CA 签发的"), "\(model.screen(at: Self.now))")
    }

    @Test(arguments: ["-5005", "0"])
    func aSerialThatIsNotPositiveIsRefused(serial: String) throws {
        let fixture = try AppFixture()
        let tool = try OpenSSLTool()
        try tool.makeChain("negative", sm2: false, creditCode: Login.xinghe, password: Login.password, serial: serial)
        _ = try DeploymentAuthority(dataRoot: fixture.repository.data.root).trust(try tool.text("negative-ca.pem"), now: Self.now / 1_000_000)
        var model = try fixture.model(channel: .web)
        Login.logIn(&model, folder: try tool.usbFolder("negative"), at: Self.now)
        #expect(model.session == nil)
        #expect(model.screen(at: Self.now).contains("序列号不是正整数"), "\(model.screen(at: Self.now))")
    }

    @Test func issuedKeysAreEncryptedWithScryptAndStillOpen() throws {
        let key = try #require(CertificateKey.generate(sm2: false))
        let pem = try #require(key.pem(password: Login.password))
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let der = [UInt8](try #require(Data(base64Encoded: body)))
        // id-scrypt, 1.3.6.1.4.1.11591.4.11.
        let scrypt: [UInt8] = [0x06, 0x09, 0x2B, 0x06, 0x01, 0x04, 0x01, 0xDA, 0x47, 0x04, 0x0B]
        #expect((0...(der.count - scrypt.count)).contains { Array(der[$0..<($0 + scrypt.count)]) == scrypt })
        let opened = try CertificateKey.read(pem: pem, password: Login.password)
        #expect(opened.sign([1, 2, 3]) != nil)
        #expect(throws: CertificateKey.ReadError.wrongPassword) { try CertificateKey.read(pem: pem, password: "Wrong@2026") }
    }

    @Test func anExpiredCAIsRefusedWhenTrustedAndNamedAtLogin() throws {
        let fixture = try AppFixture()
        let seconds = Login.seconds
        let caKey = try #require(CertificateKey.generate(sm2: false))
        let ca = try #require(X509Certificate.issue(for: caKey, commonName: "过期的 CA", organisation: nil, subjectSerialNumber: nil,
                                                    issuer: nil, issuerKey: caKey, notBefore: seconds - 400 * 86_400,
                                                    notAfter: seconds - 86_400, isAuthority: true, serial: 7))
        let authority = DeploymentAuthority(dataRoot: fixture.repository.data.root)
        #expect {
            try authority.trust(ca.pem, now: seconds)
        } throws: { error in "\(error)".contains("已过期") }
        // Trusted before it expired: a login now names the expiry.
        _ = try authority.trust(ca.pem, now: seconds - 2 * 86_400)
        let key = try #require(CertificateKey.generate(sm2: false))
        let leaf = try #require(X509Certificate.issue(for: key, commonName: "星河", organisation: nil, subjectSerialNumber: Login.xinghe,
                                                      issuer: ca, issuerKey: caKey, notBefore: seconds - 3600, notAfter: seconds + 86_400,
                                                      isAuthority: false, serial: 8))
        let folder = fixture.repository.data.root.string + "/usb-expired-ca"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try leaf.pem.write(toFile: folder + "/certificate.pem", atomically: true, encoding: .utf8)
        try #require(key.pem(password: Login.password)).write(toFile: folder + "/key.pem", atomically: true, encoding: .utf8)
        var model = try fixture.model(channel: .web)
        Login.logIn(&model, folder: folder)
        #expect(model.session == nil)
        #expect(model.screen().contains("「过期的 CA」已于"), "\(model.screen())")
    }
}
