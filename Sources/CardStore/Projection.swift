/// A read model rebuilt from the journal: it applies records in sequence order, and can
/// be saved to and restored from a snapshot so that opening replays only the tail.
public protocol Projection {
    /// The snapshot file's name; change it (or the encoding's version) when the encoding changes.
    static var snapshotName: String { get }

    init()
    init(snapshotState: [UInt8]) throws
    func snapshotState() throws -> [UInt8]

    mutating func apply(sequence: UInt64, type: UInt16, timestamp: Int64, payload: UnsafeRawBufferPointer) throws
}
