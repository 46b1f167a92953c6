import CardDomain
import Foundation

/// The domain's read models as a journal projection: replays event records into a
/// `CardState`, and saves it as a JSON snapshot. With the shared index attached,
/// what it holds (persons, applications, drafts) is not in the snapshot and is not replayed
/// up to the index's position.
public struct CardProjection: Projection {
    /// v2: the persons are the changes on top of the shared index, not the whole directory.
    /// v3: no views. v4: the applications and drafts are changes on top of the index too.
    public static let snapshotName = "card-state-v4"

    public var state: CardState
    /// Records of the kinds the attached index holds are in it up to here: replay skips them.
    var indexedThrough: UInt64 = 0

    public init() { state = CardState() }

    public init(state: CardState) { self.state = state }

    public init(snapshotState: [UInt8]) throws {
        state = try JSONDecoder().decode(CardState.self, from: Data(snapshotState))
    }

    public func snapshotState() throws -> [UInt8] {
        Array(try JSONEncoder().encode(state))
    }

    /// Puts the shared index under the persons and applications. The snapshot's own changes
    /// (made up to `sequence`) are dropped when the index has moved past them, since it holds
    /// them or newer.
    public mutating func attach(_ index: any PersonSource & ApplicationSource, at sequence: UInt64) {
        state.attachShared(index)
        state.settleShared(through: sequence)
        indexedThrough = index.position
    }

    /// A record that is not an event is skipped; an event record that does not decode is an
    /// error naming its sequence number, since replaying past it would give a wrong state.
    public mutating func apply(sequence: UInt64, type: UInt16, timestamp: Int64, payload: UnsafeRawBufferPointer) throws {
        try applying(sequence: sequence, type: type, timestamp: timestamp, payload: payload)
    }

    /// As `apply`, answering the event it applied (nil for a record it skipped), so a
    /// replay that checks more than the state (`index verify`) decodes each event once.
    @discardableResult
    mutating func applying(sequence: UInt64, type: UInt16, timestamp: Int64, payload: UnsafeRawBufferPointer) throws -> EventEnvelope? {
        guard type == EventCodec.eventRecordType else { return nil }
        // Views change nothing here (ViewAudit reads them back), nor does what the index
        // already holds: their kind alone tells, which is cheaper than the whole event.
        if let kind = try? EventCodec.kind(payload),
           kind == EventKindFilter.personViewed.text
            || (sequence <= indexedThrough && EventKindFilter.sharedIndexKinds.contains(kind)) { return nil }
        let envelope = try Self.envelope(sequence: sequence, payload: payload)
        state.apply(envelope, at: sequence)
        return envelope
    }

    /// The event record at `sequence`, or an error naming that sequence number.
    static func envelope(sequence: UInt64, payload: UnsafeRawBufferPointer) throws -> EventEnvelope {
        do {
            return try EventCodec.decode(payload)
        } catch {
            throw UndecodableEvent(sequence: sequence, reason: "\(error)")
        }
    }
}

/// An event record the journal holds intact (its CRC matched) but this build cannot read.
public struct UndecodableEvent: Error, CustomStringConvertible {
    public var sequence: UInt64
    public var reason: String
    public var description: String { "journal record \(sequence) is not a readable event: \(reason)" }
}
