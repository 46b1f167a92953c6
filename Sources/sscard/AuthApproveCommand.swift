import ArgumentParser
import CardApp
import CardDomain
import CardResources
import CardStore
import Foundation

/// `sscard auth approve CODE --as 证件号码|单位编号`: the platform has checked who scanned the
/// code. An identity that does not fit the terminal's tab is recorded as a denial, with its
/// reason, so the terminal says why. Exit 0 approved, 3 denied, 2 for a code that is unknown,
/// expired or already decided.
struct AuthApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a login code for an identity.",
        discussion: "The terminal showing the code then logs in as that identity within a second. A code that expects an identity (a face check after 实名认证) is approved only for that identity.\n\nExample: sscard auth approve ACDE-FGHJ --as 110105195609090137 --data-dir /srv/sscard"
    )

    @Argument(help: ArgumentHelp("The code on the terminal (8 characters; a dash or spaces are ignored).", valueName: "CODE"))
    var code: String

    @Option(name: .customLong("as"), help: ArgumentHelp("Who was identified: a 证件号码, or a unit's 单位编号.", valueName: "ID"))
    var identity: String

    @Option(help: ArgumentHelp("How the platform identified them, for the record (face, scan, licence).", valueName: "M"))
    var method: String = "scan"

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try AuthDecision.record(code: code, identity: identity, reason: nil, by: "auth-approve:" + method, data: data)
    }
}

/// `sscard auth deny CODE [--reason TEXT]`.
struct AuthDenyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deny",
        abstract: "Deny a login code.",
        discussion: "The terminal showing the code says it was refused, with the reason.\n\nExample: sscard auth deny ACDE-FGHJ --reason 人脸比对未通过 --data-dir /srv/sscard"
    )

    @Argument(help: ArgumentHelp("The code on the terminal.", valueName: "CODE"))
    var code: String

    @Option(help: ArgumentHelp("Why, as the terminal will show it.", valueName: "TEXT"))
    var reason: String = "身份认证未通过"

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        try AuthDecision.record(code: code, identity: nil, reason: reason, by: "auth-deny", data: data)
    }
}

/// Records a decision through the repository, as the platform's adapter would.
enum AuthDecision {
    static func record(code: String, identity: String?, reason: String?, by name: String, data: DataDirectoryOptions) throws {
        var standardError = StandardError()
        try data.requireJournal()
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        let events: [DomainEvent]
        do {
            events = try repository.execute(.decideLoginCode(code: code, identity: identity, reason: reason),
                                            by: .system(name), context: SessionClock.context(channel: .counter))
        } catch let refusal as CommandRefusal {
            print("sscard auth: \(refusal)", to: &standardError)
            throw ExitCode(2)
        }
        guard case .loginCodeDecided(let decided)? = events.first else { return }
        switch decided.decision {
        case .approved(let account):
            // A person's account is their 证件号码: masked, as in every log (D12).
            let shown = account.allSatisfy { "0123456789X".contains($0) } ? PrivacyMask.identityNumber(account) : account
            print("已确认：终端将以账号 \(TerminalText.escaped(shown)) 登录")
        case .denied(let why):
            print("已拒绝：\(why)")
            if identity != nil { throw ExitCode(3) }
        }
    }
}
