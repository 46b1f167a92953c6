/// A reader that walks a journal in sequence order and, called again, goes on with what was
/// appended since: the segment journal's `JournalReader`, or a PostgreSQL reader by position.
/// It serves only acknowledged, checked records.
public protocol JournalTail: AnyObject {
    /// Calls `body` for every record up to the current end, the payload valid only during
    /// the call; returns how many it visited. `stopAfterBatch`, asked after each record that
    /// ends a batch, ends the walk there when it answers true (the next call goes on).
    @discardableResult
    func forEach(stopAfterBatch: (() -> Bool)?,
                 _ body: (_ sequence: UInt64, _ type: UInt16, _ timestamp: Int64, _ payload: UnsafeRawBufferPointer) throws -> Void) throws -> Int

    /// As `forEach`, with each record's place where the backend has places (the segment
    /// journal's frame; nil on PostgreSQL, which reads a record by its position).
    @discardableResult
    func forEachPlaced(stopAfterBatch: (() -> Bool)?,
                       _ body: (_ sequence: UInt64, _ place: JournalPlace?, _ type: UInt16, _ timestamp: Int64,
                                _ payload: UnsafeRawBufferPointer) throws -> Void) throws -> Int
}

extension JournalTail {
    @discardableResult
    public func forEachPlaced(stopAfterBatch: (() -> Bool)?,
                              _ body: (_ sequence: UInt64, _ place: JournalPlace?, _ type: UInt16, _ timestamp: Int64,
                                       _ payload: UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        try forEach(stopAfterBatch: stopAfterBatch) { sequence, type, timestamp, payload in
            try body(sequence, nil, type, timestamp, payload)
        }
    }
}

extension JournalReader: JournalTail {}
