import CardDomain
import CardStore
import CertificateTestSupport
import Foundation
import SnapshotSupport
import SystemPackage
import Testing
import TerminalUI
import UnitCertificates
@testable import CardApp

/// 证书登录 on 法人登录: certificates from the deployment CA and from outside CAs that
/// openssl made (P-256 and SM2), and each refusal in its own words.
@Suite struct CertificateLoginTests {
    static let xinghe = "91110105MA01A2B325"
    static let password = "Cert@2026"
    /// AppFixture's clock, in seconds: the certificates are valid around it.
    static let seconds = AppFixture.start / 1_000_000

    /// A certificate from the deployment's CA for `creditCode`, in a folder of its own.
    static func issue(_ fixture: AppFixture, creditCode: String = xinghe, validFrom: Int64 = seconds - 3600,
                      days: Int64 = 365, sm2: Bool = false) throws -> (folder: String, certificate: X509Certificate) {
        let authority = DeploymentAuthority(dataRoot: fixture.repository.data.root)
        if !authority.exists { _ = try authority.create(name: "测试 CA", sm2: sm2, now: seconds - 86_400, serial: 1) }
        let (caCertificate, caKey) = try authority.load()
        let key = try #require(CertificateKey.generate(sm2: sm2))
        let serial = UInt64.random(in: 2...UInt64(Int32.max))
        let certificate = try #require(X509Certificate.issue(for: key, commonName: "星河", organisation: nil, subjectSerialNumber: creditCode,
                                                             issuer: caCertificate, issuerKey: caKey, notBefore: validFrom,
                                                             notAfter: validFrom + days * 86_400, isAuthority: false, serial: serial))
        let folder = fixture.repository.data.root.string + "/usb-\(serial)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try certificate.pem.write(toFile: folder + "/certificate.pem", atomically: true, encoding: .utf8)
        try #require(key.pem(password: password)).write(toFile: folder + "/key.pem", atomically: true, encoding: .utf8)
        return (folder, certificate)
    }

    /// 法人登录 > 证书登录 (the first method of the unit tab), the folder and the password.
    static func logIn(_ model: inout AppModel, folder: String, password: String = password, at now: Int64 = AppFixture.start) {
        if case .certificateLogin = model.page {} else { model.type([.tab, .enter], at: now) }
        model.focus("folder")
        model.updateForm { $0.setValue(folder, for: "folder") }
        model.focus("password")
        model.type(password, at: now)
        model.type([.enter], at: now)
    }

    @Test func theDeploymentsCertificateLogsInTheUnit() throws {
        let fixture = try AppFixture()
        let (folder, _) = try Self.issue(fixture)
        var model = try fixture.model(channel: .web)
        model.type([.tab, .enter])
        Snapshot.assertMatches(model.screen(), named: "certificate-login")
        Self.logIn(&model, folder: folder)
        #expect(model.session?.actor.unitNumber == "10000001", "\(model.screen())")
        #expect(fixture.repository.state.usedChallenges.count == 1)
    }

    /// 插入证书: the picker lists certificates and keys; choosing the certificate file fills
    /// in its folder, and the password is next.
    @Test func thePickerChoosesTheCertificatesFolder() throws {
        let fixture = try AppFixture()
        let (folder, _) = try Self.issue(fixture)
        var model = try fixture.model(channel: .web)
        model.type([.tab, .enter])
        model.focus("choose")
        model.type([.enter])
        guard case .certificatePicker? = model.overlay else { Issue.record("the picker did not open"); return }
        // Tab to the path line, Ctrl-U clears the folder it starts with.
        model.type([.tab, .control("u")])
        model.type(folder + "/certificate.pem")
        model.type([.enter])
        #expect(model.overlay == nil)
        #expect(model.currentForm.value("folder") == folder && model.currentForm.focusedField?.id == "password")
        model.type(Self.password)
        model.type([.enter])
        #expect(model.session?.actor.unitNumber == "10000001")
    }

    @Test func fiveWrongPasswordsLockTheCertificate() throws {
        let fixture = try AppFixture()
        let (folder, _) = try Self.issue(fixture)
        var model = try fixture.model(channel: .web)
        for attempt in 1...4 {
            Self.logIn(&model, folder: folder, password: "wrong\(attempt)")
            #expect(model.screen().contains("证书密码不正确，还可以再试 \(5 - attempt) 次"))
            #expect(model.currentForm.value("folder") == folder && model.currentForm.value("password").isEmpty)
        }
        Self.logIn(&model, folder: folder, password: "wrong5")
        #expect(model.screen().contains("该证书已锁定至 14:20"))
        Self.logIn(&model, folder: folder)
        #expect(model.session == nil && model.screen().contains("已锁定"))
    }

    @Test func expiredRevokedForeignAndUnknownCertificatesAreEachRefusedInTheirOwnWords() throws {
        let fixture = try AppFixture()
        var model = try fixture.model(channel: .web)
        let expired = try Self.issue(fixture, validFrom: Self.seconds - 40 * 86_400, days: 30)
        Self.logIn(&model, folder: expired.folder)
        #expect(model.screen().contains("过期，请办理证书更新"))
        let later = try Self.issue(fixture, validFrom: Self.seconds + 86_400)
        Self.logIn(&model, folder: later.folder)
        #expect(model.screen().contains("证书尚未生效"))
        let unknown = try Self.issue(fixture, creditCode: "91110000000000000X")
        Self.logIn(&model, folder: unknown.folder)
        #expect(model.screen().filter { !$0.isWhitespace }.contains("不在单位名录中"))
        let revoked = try Self.issue(fixture)
        try fixture.repository.execute(.revokeCertificate(serial: revoked.certificate.serial, reason: "证书遗失"),
                                       by: .system("ca-revoke"), context: CodeLoginTests.context())
        Self.logIn(&model, folder: revoked.folder)
        #expect(model.screen().contains("该证书已被吊销（证书遗失）"))
        let tool = try OpenSSLTool()
        try tool.makeChain("foreign", sm2: false, creditCode: Self.xinghe, password: Self.password)
        let foreign = try tool.usbFolder("foreign")
        Self.logIn(&model, folder: foreign, at: Int64(Date().timeIntervalSince1970) * 1_000_000)
        #expect(model.screen().contains("不是本系统认可的 CA 签发的"))
        #expect(model.session == nil)
    }

    /// Certificates the openssl command line made, P-256 and SM2 with encrypted PKCS#8 keys,
    /// log in once their CA is trusted (`sscard ca trust`).
    @Test(arguments: [false, true])
    func openSSLMadeCertificatesLogInOnceTheirCAIsTrusted(sm2: Bool) throws {
        let fixture = try AppFixture()
        let tool = try OpenSSLTool()
        try tool.makeChain("outside", sm2: sm2, creditCode: Self.xinghe, password: Self.password)
        let folder = try tool.usbFolder("outside")
        _ = try DeploymentAuthority(dataRoot: fixture.repository.data.root).trust(try tool.text("outside-ca.pem"), now: Int64(Date().timeIntervalSince1970))
        // openssl signs from today: the login happens now, not at the fixture's fixed time.
        let now = Int64(Date().timeIntervalSince1970) * 1_000_000
        var model = try fixture.model(channel: .web)
        Self.logIn(&model, folder: folder, at: now)
        #expect(model.session?.actor.unitNumber == "10000001", "\(model.screen(at: now))")
    }

    @Test func aReplayedSignatureIsRefused() throws {
        let fixture = try AppFixture()
        let login = CertificateLogin(serial: "0A", creditCode: Self.xinghe, nonce: "00ff", expiresAt: AppFixture.start + 60_000_000)
        let context = CodeLoginTests.context()
        try fixture.repository.execute(.completeCertificateLogin(login), by: Actor(username: "", role: .unitOperator), context: context)
        #expect(throws: CommandRefusal.self) {
            try fixture.repository.execute(.completeCertificateLogin(login), by: Actor(username: "", role: .unitOperator), context: context)
        }
    }

    /// Used nonces are not kept forever: a challenge may live at most five minutes, so a
    /// nonce used longer ago is forgotten (a replay of it is refused as expired), and a
    /// challenge claiming a longer life is refused.
    @Test func usedNoncesAreForgottenOnceTheirChallengeMustHaveExpired() throws {
        let fixture = try AppFixture()
        let operatorActor = Actor(username: "", role: .unitOperator)
        let first = CertificateLogin(serial: "0A", creditCode: Self.xinghe, nonce: "01", expiresAt: AppFixture.start + 60_000_000)
        try fixture.repository.execute(.completeCertificateLogin(first), by: operatorActor, context: CodeLoginTests.context())
        #expect(fixture.repository.state.usedChallenges.keys.sorted() == ["01"])
        var later = CodeLoginTests.context()
        later.now += 301_000_000
        let second = CertificateLogin(serial: "0A", creditCode: Self.xinghe, nonce: "02", expiresAt: later.now + 60_000_000)
        try fixture.repository.execute(.completeCertificateLogin(second), by: operatorActor, context: later)
        #expect(fixture.repository.state.usedChallenges.keys.sorted() == ["02"])
        #expect(throws: CommandRefusal.refused("登录签名已过期，请重新登录")) {
            try fixture.repository.execute(.completeCertificateLogin(first), by: operatorActor, context: later)
        }
        let tooLong = CertificateLogin(serial: "0A", creditCode: Self.xinghe, nonce: "03", expiresAt: later.now + 301_000_000)
        #expect(throws: CommandRefusal.refused("登录签名的有效期过长，请重新登录")) {
            try fixture.repository.execute(.completeCertificateLogin(tooLong), by: operatorActor, context: later)
        }
    }
}
