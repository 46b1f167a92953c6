/// Applications and drafts as a shared index holds them as of a journal position (CardStore's
/// LMDB index, the same one that holds the persons): read by every clerk's process without
/// loading them. An `ApplicationBook` puts the changes its process applied since on top.
/// Ids come back in byte order, which is the order they were given (see `SortedIDs`).
public protocol ApplicationSource: AnyObject, Sendable {
    /// Names the index, so that two handles on one index compare equal.
    var identity: String { get }
    /// The sequence number of the last journal record the index reflects.
    var position: UInt64 { get }
    func application(_ id: String) -> Application?
    /// The application and the position it is as of, read together: an event after that
    /// position is not in it yet, and one at or before it is.
    func applicationAndPosition(_ id: String) -> (application: Application?, position: UInt64)
    /// Several applications read together, as a page of a list shows them, in the order asked.
    func applications(_ ids: [String]) -> [Application?]
    /// The totals, and the status of each of `ids` (nil for one not held), read together.
    func census(_ ids: [String]) -> ApplicationCensus
    func applicationIDs(ofPerson number: String) -> [String]
    /// A unit's applications, in one status or in any, as list rows show them.
    func briefs(ofUnit number: String, in status: ApplicationStatus?) -> [ApplicationBrief]
    /// Up to `limit` applications in `status` after the id `after`, as list rows show them.
    func briefs(in status: ApplicationStatus, after: String?, limit: Int) -> [ApplicationBrief]
    func draft(of person: String) -> CardState.Draft?
}

/// How many applications an index holds, in all and per status, and the status it holds
/// for each application asked about: one look at one version of the index.
public struct ApplicationCensus: Equatable, Sendable {
    public var total: Int
    public var counts: [ApplicationStatus: Int]
    public var statuses: [ApplicationStatus?]

    public init(total: Int, counts: [ApplicationStatus: Int], statuses: [ApplicationStatus?]) {
        self.total = total
        self.counts = counts
        self.statuses = statuses
    }
}
