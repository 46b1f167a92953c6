/// The acknowledged part of one segment, as a backup copies it: the bytes from the start
/// of the file to the end of its last complete batch (its seal included, when sealed).
/// Those bytes never change again: the journal only appends, and recovery and voiding
/// touch only bytes after the acknowledged end.
public struct SegmentExtent: Codable, Equatable, Sendable {
    public var firstSequence: UInt64
    public var name: String
    public var length: Int64
    /// The last record in these bytes; `firstSequence - 1` when there is none yet.
    public var lastSequence: UInt64
    public var lastTimestamp: Int64?
    /// The stored (masked) CRC-32C of the last record's frame.
    public var lastCRC: UInt32?
    /// Sealed, or followed by a later segment: it will never grow.
    public var complete: Bool

    public init(firstSequence: UInt64, name: String, length: Int64, lastSequence: UInt64, lastTimestamp: Int64?,
                lastCRC: UInt32?, complete: Bool) {
        self.firstSequence = firstSequence
        self.name = name
        self.length = length
        self.lastSequence = lastSequence
        self.lastTimestamp = lastTimestamp
        self.lastCRC = lastCRC
        self.complete = complete
    }
}
