import Journal
import SystemPackage

/// The layout of a data directory: the journal's segments, the read models' snapshots,
/// and (later) the blob store for photos. Everything in it is private to its owner.
public struct DataDirectory: Sendable {
    public let root: FilePath

    public init(_ root: FilePath) {
        self.root = root
    }

    public var journal: FilePath { root.appending("journal") }
    public var snapshots: FilePath { root.appending("snapshots") }

    /// Creates the root with mode 0700 if it is missing, and syncs its parent.
    public func create(io: any FileIO = SystemFileIO()) throws {
        try io.makeDirectory(root)
        if let parent = Optional(root.removingLastComponent()), !parent.isEmpty {
            try? io.syncDirectory(parent)
        }
    }
}
