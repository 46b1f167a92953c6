/// Where one record lies: its sequence number, its segment (by first sequence number) and
/// the byte offset of its frame there.
///
/// A reader given a place at or before where it starts, in the segment it starts in,
/// begins there instead of walking the segment from its first record: a clerk's start
/// reads only what is new rather than the whole last segment, up to 64 MiB, three times.
/// A place is only a hint. It is believed when a valid frame with that sequence number is
/// found at that offset; otherwise the reader walks as if it had none. Records before it
/// are not looked at again, as earlier segments never are; `journal verify` checks them all.
public struct JournalPlace: Equatable, Sendable {
    public var sequence: UInt64
    public var segment: UInt64
    public var offset: Int64
    /// Where the writer's recovery found only zeros to the end of this segment, if it
    /// looked: a reader that comes to zeros at or after it need not read the rest of the
    /// segment to make sure no record follows (it would otherwise read up to 64 MiB).
    public var zerosFrom: Int64?

    public init(sequence: UInt64, segment: UInt64, offset: Int64, zerosFrom: Int64? = nil) {
        self.sequence = sequence
        self.segment = segment
        self.offset = offset
        self.zerosFrom = zerosFrom
    }
}
