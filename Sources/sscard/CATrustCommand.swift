import ArgumentParser
import CardApp
import CardStore
import UnitCertificates

/// `sscard ca trust FILE.pem`: unit certificates issued by this outside CA (BJCA, CFCA, a
/// unit's own) log in too. The PEM is kept under ca/trusted/, named by its serial; taking
/// it out of that folder stops the trust.
struct CATrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust",
        abstract: "Trust an outside CA's certificate.",
        discussion: "Unit certificates issued by this CA (BJCA, CFCA, a unit's own) log in too. It must be an X.509 v3 CA certificate (basicConstraints CA:TRUE, keyUsage keyCertSign) and valid now. It is kept under ca/trusted/; deleting that file ends the trust.\n\nExample: sscard ca trust bjca-root.pem --data-dir /srv/sscard"
    )

    @Argument(help: ArgumentHelp("The CA's certificate, PEM.", valueName: "FILE.pem"))
    var file: String

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        var standardError = StandardError()
        try data.requireJournal()
        do {
            let certificate = try DeploymentAuthority(dataRoot: data.resolved()).trust(try DeploymentAuthority.read(.init(file)),
                                                                                          now: SessionClock.nowMicroseconds() / 1_000_000)
            print("已信任 CA：\(certificate.commonName ?? "")，序列号 \(certificate.serial)\(certificate.isSM2 ? "（SM2）" : "")")
        } catch let problem as DeploymentAuthority.Problem {
            print("sscard ca: \(problem)", to: &standardError)
            throw ExitCode(2)
        } catch {
            print("sscard ca: 无法读取 \(file)：\(error)", to: &standardError)
            throw ExitCode(2)
        }
    }
}
