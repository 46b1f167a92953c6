import CertificateTestSupport
import Foundation
import Testing

/// `sscard ca` from the command line: a CA is made once, an outside CA that openssl made is
/// trusted (and a file that is not a certificate is refused), a unit's certificate is
/// issued only for a unit in the records, and the files are private.
@Suite struct CertificateAuthorityCLITests {
    func seeded() throws -> String {
        let directory = try SSCardProcess.temporaryDirectory()
        let seeded = try SSCardProcess.run(["demo", "seed", "--data-dir", directory + "/data"])
        #expect(seeded.status == 0, "\(seeded.error)")
        return directory
    }

    func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func theCAIsMadeOnceAndItsFilesArePrivate() throws {
        let directory = try seeded()
        let data = directory + "/data"
        #expect(try SSCardProcess.run(["ca", "init", "--sm2", "--data-dir", data]).output.contains("SM2/SM3"))
        let again = try SSCardProcess.run(["ca", "init", "--data-dir", data])
        #expect(again.status == 2 && again.error.contains("已经存在"), "\(again.error)")
        #expect(try mode(data + "/ca/authority.key") == 0o600)
        let unknown = try SSCardProcess.run(["ca", "issue", "--unit", "99999999", "--out", directory + "/usb", "--data-dir", data],
                                            input: "Cert@2026\n")
        #expect(unknown.status == 2 && unknown.error.contains("不在单位名录中"))
        let short = try SSCardProcess.run(["ca", "issue", "--unit", "10000001", "--out", directory + "/usb", "--data-dir", data],
                                          input: "Cert@26\n")
        #expect(short.status == 2 && short.error.contains("至少 8 位"))
        // A folder that cannot be made is said before the password is asked, with the reason.
        let missing = try SSCardProcess.run(["ca", "issue", "--unit", "10000001", "--out", directory + "/no/such/usb", "--data-dir", data])
        #expect(missing.status == 2 && missing.error.contains("不存在") && missing.error.contains("mkdir -p"), "\(missing.error)")
        #expect(!missing.output.contains("请输入证书密码"))
        let issued = try SSCardProcess.run(["ca", "issue", "--unit", "10000001", "--out", directory + "/usb", "--data-dir", data],
                                           input: "Cert@2026\n")
        #expect(issued.status == 0, "\(issued.error)")
        #expect(try mode(directory + "/usb/key.pem") == 0o600 && mode(directory + "/usb") == 0o700)
        #expect(try String(contentsOfFile: directory + "/usb/key.pem", encoding: .utf8).contains("ENCRYPTED PRIVATE KEY"))
    }

    @Test func anOutsideCAIsTrustedAndAFileThatIsNoCertificateIsRefused() throws {
        let directory = try seeded()
        let tool = try OpenSSLTool()
        try tool.makeChain("bjca", sm2: true, creditCode: "91110105MA01A2B325", password: "p")
        let trusted = try SSCardProcess.run(["ca", "trust", tool.directory.path + "/bjca-ca.pem", "--data-dir", directory + "/data"])
        #expect(trusted.status == 0 && trusted.output.contains("（SM2）"), "\(trusted.output)\(trusted.error)")
        let listing = try FileManager.default.contentsOfDirectory(atPath: directory + "/data/ca/trusted")
        #expect(listing.count == 1 && listing[0].hasSuffix(".pem"))
        let wrong = try SSCardProcess.run(["ca", "trust", tool.directory.path + "/bjca-unit.key", "--data-dir", directory + "/data"])
        #expect(wrong.status == 2 && wrong.error.contains("没有 PEM 格式的证书"), "\(wrong.error)")
        let leaf = try SSCardProcess.run(["ca", "trust", tool.directory.path + "/bjca-unit.pem", "--data-dir", directory + "/data"])
        #expect(leaf.status == 2 && leaf.error.contains("不能作为签发机构信任") && leaf.error.contains("CA:TRUE"), "\(leaf.error)")
    }
}
