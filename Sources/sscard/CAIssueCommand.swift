#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import CardApp
import CardDomain
import CardResources
import CardStore
import SystemPackage
import UnitCertificates

/// `sscard ca issue --unit 单位编号 --out DIR`: the unit's certificate (its 统一社会信用代码
/// as the subject's serialNumber, clientAuth) and its key, encrypted under the 证书密码,
/// written to DIR (0700; files 0600): the stand-in for the USB key.
struct CAIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a unit's certificate.",
        discussion: "Asks the 证书密码 (at least 8 characters) at the terminal, and writes certificate.pem and the key, encrypted with scrypt, to the folder (0700, files 0600): the stand-in for the unit's USB key.\n\nExample: sscard ca issue --unit 10000001 --out /media/usb --data-dir /srv/sscard"
    )

    @Option(help: ArgumentHelp("The unit's 单位编号.", valueName: "U"))
    var unit: String

    @Option(help: ArgumentHelp("The folder to write certificate.pem and key.pem to (created).", valueName: "DIR"))
    var out: String

    @Option(help: ArgumentHelp("Days the certificate is valid.", valueName: "N"))
    var days = 365

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        var standardError = StandardError()
        try data.requireJournal()
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        guard let record = repository.state.units[unit] else {
            print("sscard ca: 单位编号 \(TerminalText.escaped(unit)) 不在单位名录中", to: &standardError)
            throw ExitCode(2)
        }
        // Before the password is asked: where the files go must be there to write to.
        if let problem = Self.outputFolderProblem(out) {
            print("sscard ca: \(problem)", to: &standardError)
            throw ExitCode(2)
        }
        // The 证书密码 is read, never taken as an argument (it would show in ps and the shell's history).
        print("请输入证书密码（至少 \(Self.minimumPasswordLength) 位）：", terminator: "")
        guard let password = PlainInput.readLine(secret: true), password.count >= Self.minimumPasswordLength else {
            print("\nsscard ca: 证书密码至少 \(Self.minimumPasswordLength) 位", to: &standardError)
            throw ExitCode(2)
        }
        print("")
        do {
            let (caCertificate, caKey) = try DeploymentAuthority(dataRoot: data.resolved()).load()
            var generator = SystemRandomNumberGenerator()
            let now = SessionClock.nowMicroseconds() / 1_000_000
            guard let key = CertificateKey.generate(sm2: caKey.isSM2),
                  let certificate = X509Certificate.issue(for: key, commonName: record.name, organisation: record.name,
                                                          subjectSerialNumber: record.creditCode, issuer: caCertificate, issuerKey: caKey,
                                                          notBefore: now - 60, notAfter: now + Int64(max(1, days)) * 86_400,
                                                          isAuthority: false, serial: UInt64.random(in: 1...UInt64(Int64.max), using: &generator)),
                  let keyPEM = key.pem(password: password) else {
                print("sscard ca: OpenSSL 未能生成证书", to: &standardError)
                throw ExitCode(1)
            }
            if mkdir(out, 0o700) != 0, errno != EEXIST {
                print("sscard ca: 无法创建文件夹 \(TerminalText.escaped(out))：\(Errno(rawValue: errno))", to: &standardError)
                throw ExitCode(1)
            }
            try DeploymentAuthority.write(certificate.pem, to: FilePath(out).appending("certificate.pem"))
            try DeploymentAuthority.write(keyPEM, to: FilePath(out).appending("key.pem"))
            print("已签发 \(record.name)（\(record.creditCode)）的证书，序列号 \(certificate.serial)，有效 \(days) 天")
            print("证书和加密的密钥：\(TerminalText.escaped(out))/certificate.pem、key.pem")
        } catch let problem as DeploymentAuthority.Problem {
            print("sscard ca: \(problem)", to: &standardError)
            throw ExitCode(2)
        }
    }

    /// A stolen key folder is open to offline guessing: 8 characters at the least.
    static let minimumPasswordLength = 8

    /// Why `out` cannot receive the files (its parent missing, or it is not a folder), or nil.
    static func outputFolderProblem(_ out: String) -> String? {
        let shown = TerminalText.escaped(out)
        switch RegularFile.kind(of: out) {
        case .directory: return nil
        case .regular, .special: return "\(shown) 已存在，但不是文件夹"
        case .missing:
            let parent = FilePath(out).removingLastComponent()
            let parentPath = parent.isEmpty ? "." : parent.string
            guard RegularFile.kind(of: parentPath) == .directory else {
                return "文件夹 \(TerminalText.escaped(parentPath)) 不存在；请先创建它（mkdir -p \(TerminalText.escaped(parentPath))），或换一个 --out"
            }
            guard access(parentPath, W_OK) == 0 else { return "无权在 \(TerminalText.escaped(parentPath)) 中创建文件夹（\(Errno(rawValue: errno))）" }
            return nil
        }
    }
}
