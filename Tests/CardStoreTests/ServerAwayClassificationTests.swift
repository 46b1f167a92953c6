import CardStore
import PostgresJournal
import Testing

/// Which failures a clerk is told are the server's (nothing recorded, the form kept, try
/// again once it is back) and which are refusals to report: a lock or statement timeout
/// passes, a broken constraint does not.
@Suite struct ServerAwayClassificationTests {
    @Test(arguments: [
        ("55P03", true),   // lock_timeout: another site's append, or the standby away
        ("57014", true),   // statement_timeout
        ("25006", true),   // the server became a standby
        ("23505", false),  // a unique violation is a fault, not an absence
        ("42501", false),  // refused by the triggers or the grants
    ])
    func aRefusalIsTheServersOnlyWhenItPasses(state: String, away: Bool) {
        #expect(CardRepository.isServerAway(PostgresFailure.statement(state: state, message: "")) == away)
    }

    @Test func unknownOutcomesAndLostConnectionsAreTheServers() {
        #expect(CardRepository.isServerAway(PostgresFailure.lost("server closed the connection")))
        #expect(CardRepository.isServerAway(PostgresFailure.fenced("timeline 1")))
        #expect(CardRepository.isServerAway(PostgresJournalError.outcomeUnknown("warning")))
        #expect(!CardRepository.isServerAway(PostgresJournalError.damaged(position: 3, reason: "chain")))
    }
}
