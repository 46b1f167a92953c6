/// One record as the journal stores it: the journal knows bytes and sequence numbers,
/// not what they mean.
public struct JournalRecord: Equatable, Sendable {
    public var sequence: UInt64
    public var type: UInt16
    /// Microseconds since the Unix epoch, taken from the journal's clock at append.
    public var timestamp: Int64
    public var payload: [UInt8]

    public init(sequence: UInt64, type: UInt16, timestamp: Int64, payload: [UInt8]) {
        self.sequence = sequence
        self.type = type
        self.timestamp = timestamp
        self.payload = payload
    }
}

/// What a caller asks to append: a type (1 through 0xFFFE) and the payload bytes. The
/// journal's clock stamps it, unless it carries its `timestamp` already: a record copied
/// from another journal (`sscard journal copy`) keeps its own.
public struct JournalEntry: Equatable, Sendable {
    public var type: UInt16
    public var payload: [UInt8]
    public var timestamp: Int64?

    public init(type: UInt16, payload: [UInt8], timestamp: Int64? = nil) {
        self.type = type
        self.payload = payload
        self.timestamp = timestamp
    }
}
