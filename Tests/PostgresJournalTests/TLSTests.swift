import Foundation
import Journal
import JournalTestSupport
@testable import PostgresJournal
import Testing

/// A site's URL asks for TLS (`sslmode=verify-full`): the journal is reached encrypted, with
/// the server's certificate checked against the named CA and the host name; a certificate
/// from another CA is refused with the reason, and a server that takes only TLS refuses a
/// site that does not ask for it.
@Suite struct TLSTests {
    @Test func theJournalIsReachedOverVerifiedTLSOnly() throws {
        let server = try TLSPostgres()
        let location = try PostgresLocation(server.url(sslmode: "verify-full"))
        try PostgresJournal.install(location, appRole: nil)
        let journal = try PostgresJournal(location)
        #expect(try journal.appendBatch([JournalEntry(type: 1, payload: Array("加密".utf8))]) == 1...1)
        #expect(try server.clientSessionsUseTLS() == "true")
        journal.close()

        do {
            _ = try PostgresJournal(try PostgresLocation(server.url(sslmode: "verify-full", trusting: "other.crt")))
            Issue.record("a certificate from a CA the URL does not name was accepted")
        } catch PostgresFailure.connection(let reason) {
            #expect(reason.contains("certificate verify failed"), "\(reason)")
        }
        #expect(throws: PostgresFailure.self) { try PostgresJournal(try PostgresLocation(server.url(sslmode: "disable"))) }
    }
}
