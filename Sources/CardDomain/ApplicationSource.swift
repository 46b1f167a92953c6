/// Applications and drafts as a shared index holds them as of a journal position (CardStore's
/// LMDB index, the same one that holds the persons): read by every clerk's process without
/// loading them. An `ApplicationBook` puts the changes its process applied since on top.
/// Ids come back in byte order, which is the order they were given (see `SortedIDs`).
public protocol ApplicationSource: AnyObject, Sendable {
    /// Names the index, so that two handles on one index compare equal.
    var identity: String { get }
    /// The sequence number of the last journal record the index reflects.
    var position: UInt64 { get }
    /// How many applications the index holds.
    var applicationTotal: Int { get }
    func application(_ id: String) -> Application?
    /// Several applications read together, as a page of a list shows them, in the order asked.
    func applications(_ ids: [String]) -> [Application?]
    /// The status of each application, or nil for one the index does not hold: cheaper
    /// than reading the applications.
    func statuses(_ ids: [String]) -> [ApplicationStatus?]
    func applicationIDs(ofPerson number: String) -> [String]
    /// A unit's applications, in one status or in any.
    func applicationIDs(ofUnit number: String, in status: ApplicationStatus?) -> [String]
    /// Up to `limit` ids in `status`, after `after`.
    func applicationIDs(in status: ApplicationStatus, after: String?, limit: Int) -> [String]
    func applicationCount(in status: ApplicationStatus) -> Int
    func draft(of person: String) -> CardState.Draft?
}
