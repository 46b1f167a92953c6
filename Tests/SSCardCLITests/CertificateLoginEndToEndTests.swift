import Foundation
import Testing

/// 证书登录 in the real binary: `sscard ca init` and `ca issue` make the unit's certificate
/// folder, the unit logs in with it on 法人登录; a wrong password and a revoked certificate
/// are refused in their own words.
@Suite(.serialized) struct CertificateLoginEndToEndTests {
    let retiree = RetireeEndToEndTests()

    func issue(_ directory: String) throws -> (folder: String, serial: String) {
        let made = try SSCardProcess.run(["ca", "init", "--data-dir", directory + "/data"])
        #expect(made.status == 0, "\(made.error)")
        let folder = directory + "/usb"
        let issued = try SSCardProcess.run(["ca", "issue", "--unit", "10000001", "--out", folder, "--data-dir", directory + "/data"],
                                           input: "Cert@2026\n")
        #expect(issued.status == 0, "\(issued.error)")
        let serial = issued.output.split(separator: "序列号 ").last?.split(separator: "，").first.map(String.init) ?? ""
        return (folder, serial)
    }

    func tryLogIn(_ tmux: TmuxSession, folder: String, password: String) throws {
        try tmux.waitFor("证书文件夹")
        try tmux.type(folder)
        // Past 【插入证书】 to the password.
        try tmux.send("Tab", "Tab")
        try tmux.type(password)
        try tmux.send("Enter")
    }

    @Test func aUnitLogsInWithItsCertificate() throws {
        let (directory, tmux) = try retiree.start(["--channel", "web"])
        let (folder, _) = try issue(directory)
        try tmux.waitFor("证书登录")
        // 法人登录 > 证书登录, its first method.
        try tmux.send("Tab", "Enter")
        try tryLogIn(tmux, folder: folder, password: "wrong-one")
        try tmux.waitFor("证书密码不正确，还可以再试 4 次")
        try tmux.type("Cert@2026")
        try tmux.send("Enter")
        try tmux.waitFor("单位开通集体申请")
        let journal = try retiree.dump(directory)
        #expect(journal.contains("\"method\":\"certificate\"") && journal.contains("\"challengeNonce\""))
        #expect(!journal.contains("Cert@2026"))
    }

    @Test func aRevokedCertificateIsRefused() throws {
        let (directory, tmux) = try retiree.start(["--channel", "web"])
        let (folder, serial) = try issue(directory)
        let revoked = try SSCardProcess.run(["ca", "revoke", serial, "--reason", "证书遗失", "--data-dir", directory + "/data"])
        #expect(revoked.status == 0, "\(revoked.error)")
        try tmux.waitFor("证书登录")
        try tmux.send("Tab", "Enter")
        try tryLogIn(tmux, folder: folder, password: "Cert@2026")
        try tmux.waitFor("该证书已被吊销（证书遗失）")
    }
}
