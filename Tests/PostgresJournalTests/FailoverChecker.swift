import Journal
@testable import PostgresJournal

/// Proves what a failover must keep, from the final journal: every acknowledged append is
/// present at its position, no failed append is present, no append is present twice, and
/// what every reader applied is a prefix of the final journal. Reading the final journal
/// checks that positions run 1…N with a valid CRC and hash chain (`PostgresTail`).
struct FailoverChecker {
    var log: AppendLog
    var applied: [[(position: UInt64, payload: [UInt8])]] = []

    /// The problems found; empty when the journal kept every promise.
    func check(_ journal: PostgresJournal) throws -> [String] {
        let records = try journal.records().map(\.record)
        var problems: [String] = []
        for (index, record) in records.enumerated() where record.sequence != UInt64(index + 1) {
            problems.append("position \(index + 1) holds record \(record.sequence)")
        }
        var found: [String: [UInt64]] = [:]
        for record in records { found[String(decoding: record.payload, as: UTF8.self), default: []].append(record.sequence) }
        for (tag, positions) in found where positions.count > 1 {
            problems.append("\(tag) was appended \(positions.count) times")
        }
        for (tag, outcome) in log.all.sorted(by: { $0.key < $1.key }) {
            switch outcome {
            case .acknowledged(let position):
                if found[tag] != [position] { problems.append("\(tag) was acknowledged at \(position) but the journal has it at \(found[tag] ?? [])") }
            case .failed(let reason):
                if let positions = found[tag] { problems.append("\(tag) failed (\(reason)) but is at \(positions)") }
            case .invoked, .unknown:
                break
            }
        }
        for (reader, sequence) in applied.enumerated() {
            for (index, item) in sequence.enumerated() {
                guard item.position == UInt64(index + 1), index < records.count, records[index].payload == item.payload else {
                    problems.append("reader \(reader) applied at \(item.position) what the journal does not hold there")
                    break
                }
            }
        }
        return problems
    }
}
