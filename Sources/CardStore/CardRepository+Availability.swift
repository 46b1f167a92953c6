import PostgresJournal

extension CardRepository {
    /// Tries again to rebuild the state a failed append left unbuilt; throws while it fails.
    func rebuildIfBroken() throws {
        guard broken != nil else { return }
        if let from = unrebuiltFrom { reload(through: from) }
        if let broken {
            throw RepositoryUnusable(reason: "the state could not be rebuilt after a failed append: \(broken)", cause: broken)
        }
    }

    /// Whether `error` means the journal's server could not be reached or could not take the
    /// append now (a lock or statement timeout), or the connection dropped so that an
    /// append's outcome is unknown: nothing was said to be saved, what was
    /// typed is still on screen, and a try once it is back records it at most once (a
    /// submission that did commit is then in the state, and the repeat is refused).
    public static func isServerAway(_ error: any Error) -> Bool {
        switch error {
        case let failure as PostgresFailure:
            // Refusals that pass: a lock or a statement that timed out (the standby away, or
            // another site's append), a server that became a standby. Nothing was recorded.
            if case .statement(let state, _) = failure { return ["55P03", "57014", "25006", "40001", "40P01"].contains(state) }
            // A missing password is not the server away: it stays refused until an operator acts.
            if case .login = failure { return false }
            return true
        case let failure as PostgresJournalError:
            if case .outcomeUnknown = failure { return true }
            return false
        case let unusable as RepositoryUnusable:
            return unusable.cause.map(isServerAway) ?? false
        default:
            return false
        }
    }
}
