import ArgumentParser
import CardApp
import CardDomain
import CardStore

/// `--password-to FILE [--force]`, for the account commands that give out a temporary
/// password, and the one way they record it: the destination opened first, the password
/// made and hashed, the change recorded, and only then the password handed over.
struct TemporaryPasswordOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the temporary password to this new 0600 file instead of the terminal.", valueName: "FILE"))
    var passwordTo: String?

    @Flag(help: "Replace an existing --password-to file.")
    var force = false

    /// Records `request(hash)` for `username`; a refusal exits 1 with its reason and leaves no password file.
    func record(_ request: (_ passwordHash: String) -> AccountRequest, for username: String, data: DataDirectoryOptions,
                command: String, done: String) throws {
        var standardError = StandardError()
        let deliver = try AccountsCommand.passwordDestination(file: passwordTo, force: force)
        let password = PasswordMaker.temporary()
        let repository = try OpenedRepository.open(data)
        defer { repository.close() }
        do {
            try repository.execute(.changeAccount(request(try PasswordMaker.hash(password))), by: AccountsCommand.shellActor,
                                   context: SessionClock.context(channel: .counter))
        } catch {
            deliver.abandon()
            guard let refusal = error as? CommandRefusal else { throw error }
            print("sscard \(command): \(refusal)", to: &standardError)
            throw ExitCode(1)
        }
        print(done)
        try deliver.deliver(AccountsCommand.temporaryPasswordLine(password, for: username,
                                                                  hours: repository.reference.loginPolicy.temporaryPasswordHours))
    }
}
