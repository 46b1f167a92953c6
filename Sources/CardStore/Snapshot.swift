/// The saved state of one read model and the journal sequence number it reflects:
/// replay resumes after `sequence`.
public struct Snapshot: Equatable, Sendable {
    public var sequence: UInt64
    public var state: [UInt8]

    public init(sequence: UInt64, state: [UInt8]) {
        self.sequence = sequence
        self.state = state
    }
}
