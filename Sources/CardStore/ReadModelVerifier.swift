import CardDomain
import Journal
import SystemPackage

/// `sscard index verify`: replays the journal from its first record, in memory, and
/// compares the result with the shared index of persons and applications (at the position it records) and
/// with the saved snapshot (at its sequence number). Changes nothing.
public struct ReadModelVerifier {
    public struct Report: Sendable {
        public var indexPosition: UInt64 = 0
        public var indexedPersons = 0
        public var indexedApplications = 0
        /// The record the index's history table reflects, and how many entries it holds.
        public var historyPosition: UInt64 = 0
        public var historyEntries = 0
        public var snapshotSequence: UInt64?
        public var journalEnd: UInt64 = 0
        public var differences: [String] = []
    }

    let data: DataDirectory
    let io: any FileIO

    public init(data: DataDirectory, io: any FileIO = SystemFileIO()) {
        self.data = data
        self.io = io
    }

    public func verify() throws -> Report {
        let index = try SharedIndex.shared(in: data)
        var report = Report()
        report.indexPosition = index.position
        report.indexedPersons = index.count
        report.indexedApplications = index.census([]).total
        let history = try index.historyDigest()
        report.historyPosition = history.through
        report.historyEntries = history.digest.count
        var expectedHistory = HistoryKey.Digest()
        var snapshot: CardState?
        if case .found(let saved) = SnapshotStore(directory: data.snapshots, io: io).load(CardProjection.snapshotName) {
            report.snapshotSequence = saved.sequence
            do {
                snapshot = try CardProjection(snapshotState: saved.state).state
            } catch {
                report.differences.append("snapshot at record \(saved.sequence) does not decode: \(error)")
            }
        }
        // One pass from the first record, keeping the state at the snapshot's sequence.
        let stopAt = max(report.indexPosition, report.snapshotSequence ?? 0, history.through)
        var fresh = CardProjection()
        var atSnapshot: CardState? = report.snapshotSequence == 0 ? CardState() : nil
        var atIndex: CardState? = report.indexPosition == 0 ? CardState() : nil
        try data.reader(io: io).forEach(stopAfterBatch: nil) { sequence, type, timestamp, payload in
            report.journalEnd = sequence
            guard sequence <= stopAt else { return }
            let envelope = try fresh.applying(sequence: sequence, type: type, timestamp: timestamp, payload: payload)
            if sequence <= history.through, let envelope {
                for (kind, subject) in HistoryKey.subjects(of: envelope.event) { expectedHistory.add(HistoryKey.key(kind, subject, sequence)) }
            }
            if sequence == report.snapshotSequence { atSnapshot = fresh.state.withoutShared }
            if sequence == report.indexPosition { atIndex = fresh.state }
        }
        if let atIndex {
            report.differences += try index.differences(from: atIndex.persons)
            report.differences += try index.applicationDifferences(from: atIndex.applications)
        } else {
            report.differences.append("the index is at record \(report.indexPosition), which the journal does not hold (it is rebuilt at the next start)")
        }
        if history.through > report.journalEnd {
            report.differences.append("the history table is at record \(history.through), which the journal does not hold (it is rebuilt at the next start)")
        } else if history.digest != expectedHistory {
            report.differences.append("the history table holds \(history.digest.count) entries to record \(history.through), "
                                      + "the journal \(expectedHistory.count)\(history.digest.count == expectedHistory.count ? ", naming other records" : "")")
        }
        // A read that met damage answered nothing: the report would understate it.
        if let damage = index.damage { throw damage }
        if let snapshot, let sequence = report.snapshotSequence {
            if let atSnapshot {
                if snapshot.withoutShared != atSnapshot {
                    report.differences.append("snapshot at record \(sequence) differs from the journal's replay to that record")
                }
            } else {
                report.differences.append("snapshot is at record \(sequence), which the journal does not hold (it is ignored at start)")
            }
        }
        return report
    }
}
