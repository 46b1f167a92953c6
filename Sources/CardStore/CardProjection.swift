import CardDomain
import Foundation

/// The domain's read models as a journal projection: replays event records into a
/// `CardState`, and saves it whole as a JSON snapshot.
public struct CardProjection: Projection {
    public static let snapshotName = "card-state-v1"

    public var state: CardState

    public init() { state = CardState() }

    public init(state: CardState) { self.state = state }

    public init(snapshotState: [UInt8]) throws {
        state = try JSONDecoder().decode(CardState.self, from: Data(snapshotState))
    }

    public func snapshotState() throws -> [UInt8] {
        Array(try JSONEncoder().encode(state))
    }

    /// A record that is not an event is skipped; an event record that does not decode is an
    /// error naming its sequence number, since replaying past it would give a wrong state.
    public mutating func apply(sequence: UInt64, type: UInt16, timestamp: Int64, payload: UnsafeRawBufferPointer) throws {
        guard type == EventCodec.eventRecordType else { return }
        do {
            state.apply(try EventCodec.decode(payload))
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
