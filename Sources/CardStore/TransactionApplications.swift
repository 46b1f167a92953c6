import CardDomain

/// The applications as an open write transaction sees them: the base of the book a
/// catch-up applies a batch of events to, before it writes the book's changes in that same
/// transaction. A read that fails is kept in `failure`, and the catch-up throws it.
final class TransactionApplications: ApplicationSource, @unchecked Sendable {
    let identity: String
    private let transaction: LMDBTransaction
    private let tables: ApplicationTables
    private(set) var failure: (any Error)?

    init(_ transaction: LMDBTransaction, _ tables: ApplicationTables, identity: String) {
        self.transaction = transaction
        self.tables = tables
        self.identity = identity
    }

    /// Not asked during a catch-up: the book's base position only matters to settling.
    var position: UInt64 { 0 }


    func application(_ id: String) -> Application? { read { try tables.application(id, in: transaction) } ?? nil }

    func applications(_ ids: [String]) -> [Application?] { ids.map(application) }

    /// Position 0: every event a catch-up applies is after what this transaction holds.
    func applicationAndPosition(_ id: String) -> (application: Application?, position: UInt64) { (application(id), 0) }

    func census(_ ids: [String]) -> ApplicationCensus {
        read { try tables.census(ids, in: transaction) } ?? ApplicationCensus(total: 0, counts: [:], statuses: ids.map { _ in nil })
    }

    func applicationIDs(ofPerson number: String) -> [String] { read { try tables.ids(ofPerson: number, in: transaction) } ?? [] }

    func briefs(ofUnit number: String, in status: ApplicationStatus?) -> [ApplicationBrief] {
        read { try tables.briefs(ofUnit: number, in: status, transaction) } ?? []
    }

    func briefs(in status: ApplicationStatus, after: String?, limit: Int) -> [ApplicationBrief] {
        read { try tables.briefs(in: status, after: after, limit: limit, transaction) } ?? []
    }

    func draft(of person: String) -> CardState.Draft? { read { try tables.draft(of: person, in: transaction) } ?? nil }

    private func read<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch {
            if failure == nil { failure = error }
            return nil
        }
    }
}
