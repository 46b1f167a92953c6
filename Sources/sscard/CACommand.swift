import ArgumentParser

/// The deployment's certificate authority for 证书登录 (units): create it, issue a unit's
/// certificate, revoke one, and trust an outside CA (BJCA, CFCA, or one openssl made).
struct CACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ca",
        abstract: "The certificate authority for unit certificate login (证书登录).",
        discussion: "Example: sscard ca issue --unit 10000001 --out /media/usb --data-dir /srv/sscard",
        subcommands: [CAInitCommand.self, CAIssueCommand.self, CARevokeCommand.self, CATrustCommand.self]
    )
}
