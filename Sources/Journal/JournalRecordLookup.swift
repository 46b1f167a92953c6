import SystemPackage

/// Records of the segment journal read one by one, by sequence number and the place a
/// derived table kept for each (`JournalReader.forEachPlaced`): a history of one person
/// reads a few records instead of walking the journal. A place is only a hint (see
/// `JournalPlace`): a wrong one costs a walk of its segment, never a wrong record.
public enum JournalRecordLookup {
    public static func records(in directory: FilePath, at wanted: [(sequence: UInt64, place: JournalPlace?)],
                               io: any FileIO = SystemFileIO()) throws -> [JournalRecord] {
        try wanted.map { item in
            let reader = try JournalReader(directory: directory, from: item.sequence, io: io, hint: item.place)
            guard let record = try reader.next(), record.sequence == item.sequence else {
                throw JournalRecordMissing(sequence: item.sequence)
            }
            return record
        }
    }
}

/// A record asked for by its sequence number that the journal does not hold (yet).
public struct JournalRecordMissing: Error, Equatable, CustomStringConvertible {
    public var sequence: UInt64
    public init(sequence: UInt64) { self.sequence = sequence }
    public var description: String { "journal record \(sequence) is not in the journal" }
}
