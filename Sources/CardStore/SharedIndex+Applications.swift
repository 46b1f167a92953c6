import CardDomain

/// The applications and drafts the shared index holds, read by every process the same way
/// as the persons: lock-free LMDB reads through the page cache.
extension SharedIndex: ApplicationSource {
    var applicationTables: ApplicationTables { ApplicationTables(tables: environment.tables) }

    public func application(_ id: String) -> Application? {
        reading { try applicationTables.application(id, in: $0) } ?? nil
    }

    public func applications(_ ids: [String]) -> [Application?] {
        reading { transaction in try ids.map { try applicationTables.application($0, in: transaction) } } ?? ids.map { _ in nil }
    }

    public func applicationAndPosition(_ id: String) -> (application: Application?, position: UInt64) {
        reading { transaction in
            (try applicationTables.application(id, in: transaction), try Self.position(in: transaction, environment.tables).sequence)
        } ?? (nil, 0)
    }

    public func census(_ ids: [String]) -> ApplicationCensus {
        reading { try applicationTables.census(ids, in: $0) } ?? ApplicationCensus(total: 0, counts: [:], statuses: ids.map { _ in nil })
    }

    public func applicationIDs(ofPerson number: String) -> [String] {
        reading { try applicationTables.ids(ofPerson: number, in: $0) } ?? []
    }

    public func briefs(ofUnit number: String, in status: ApplicationStatus?) -> [ApplicationBrief] {
        reading { try applicationTables.briefs(ofUnit: number, in: status, $0) } ?? []
    }

    public func briefs(in status: ApplicationStatus, after: String?, limit: Int) -> [ApplicationBrief] {
        reading { try applicationTables.briefs(in: status, after: after, limit: limit, $0) } ?? []
    }

    public func draft(of person: String) -> CardState.Draft? {
        reading { try applicationTables.draft(of: person, in: $0) } ?? nil
    }
}
