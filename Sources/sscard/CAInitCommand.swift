import ArgumentParser
import CardApp
import CardStore
import UnitCertificates

/// `sscard ca init`: the deployment's CA, its key 0600 under the data directory's ca/.
struct CAInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create this deployment's CA.",
        discussion: "The CA's key is kept in the data directory's ca/authority.key (0600); P-256 by default, SM2 with SM3 with --sm2.\n\nExample: sscard ca init --sm2 --data-dir /srv/sscard"
    )

    @Option(help: ArgumentHelp("The CA's name.", valueName: "NAME"))
    var name = "北京市社会保障卡 sscard 部署 CA"

    @Flag(help: "Use SM2 with SM3 (the national algorithms) rather than P-256 with SHA-256.")
    var sm2 = false

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try data.requireJournal()
        let authority = DeploymentAuthority(dataRoot: data.resolved())
        do {
            var generator = SystemRandomNumberGenerator()
            let certificate = try authority.create(name: name, sm2: sm2, now: SessionClock.nowMicroseconds() / 1_000_000,
                                                   serial: UInt64.random(in: 1...UInt64(Int64.max), using: &generator))
            print("已创建 CA：\(certificate.commonName ?? name)，序列号 \(certificate.serial)，\(sm2 ? "SM2/SM3" : "P-256/SHA-256")")
            print("证书：\(authority.directory)/authority.pem（密钥仅本人可读）")
        } catch let problem as DeploymentAuthority.Problem {
            var standardError = StandardError()
            print("sscard ca: \(problem)", to: &standardError)
            throw ExitCode(2)
        }
    }
}
