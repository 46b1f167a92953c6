import ArgumentParser
import CardApp
import Foundation
import CardDomain
import CardResources
import CardStore

/// `sscard ca revoke SERIAL`: the certificate logs in no more; recorded in the journal.
struct CARevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a unit certificate.",
        discussion: "The certificate logs in no more; the revocation is recorded in the journal.\n\nExample: sscard ca revoke 5A3F09C1 --reason 证书遗失 --data-dir /srv/sscard"
    )

    @Argument(help: ArgumentHelp("The certificate's serial (hex, as issue printed it, or openssl x509 -serial).", valueName: "SERIAL"))
    var serial: String

    @Option(help: ArgumentHelp("Why, as a login attempt with it will be told.", valueName: "TEXT"))
    var reason = "证书已吊销"

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try data.requireJournal()
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        let user = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        do {
            try repository.execute(.revokeCertificate(serial: serial.replacingOccurrences(of: "serial=", with: ""), reason: reason),
                                   by: .system("ca-revoke:" + user), context: SessionClock.context(channel: .counter))
        } catch let refusal as CommandRefusal {
            var standardError = StandardError()
            print("sscard ca: \(refusal)", to: &standardError)
            throw ExitCode(2)
        }
        print("已吊销证书 \(CertificateLogin.normalised(serial))")
    }
}
