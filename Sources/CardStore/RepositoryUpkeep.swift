/// How often a repository moves the persons it holds into the shared index, and saves a
/// snapshot of the rest: a trade between its memory and the next start on one side, and
/// the number of index transactions (each one synced to disk) on the other.
public struct RepositoryUpkeep: Sendable, Equatable {
    /// Person changes held in this process before they are moved into the shared index.
    public var unsettledPersonLimit: Int
    /// Records after the last snapshot before another is saved, so no start replays much.
    public var snapshotInterval: UInt64
    /// Changes held while another process writes the index (an import settling 50,000
    /// persons at a time): settling then would wait for it, and freeze a clerk's screen.
    /// Past this many, the process settles and waits.
    public var busyIndexLimit: Int

    public init(unsettledPersonLimit: Int, snapshotInterval: UInt64, busyIndexLimit: Int? = nil) {
        self.unsettledPersonLimit = unsettledPersonLimit
        self.snapshotInterval = snapshotInterval
        self.busyIndexLimit = busyIndexLimit ?? unsettledPersonLimit
    }

    /// A clerk's process: small, and a process that is killed leaves little to replay.
    /// While an import writes the index it holds up to 100,000 changes (about 120 MB).
    public static let interactive = RepositoryUpkeep(unsettledPersonLimit: 2_000, snapshotInterval: 5_000, busyIndexLimit: 100_000)

    /// A bulk writer (an import, the demo seed) that saves a snapshot when it is done:
    /// fewer and larger index transactions, whose inserts share more of the B-tree's pages.
    /// 50,000 persons held is about 60 MB.
    public static let bulk = RepositoryUpkeep(unsettledPersonLimit: 50_000, snapshotInterval: 100_000)
}
