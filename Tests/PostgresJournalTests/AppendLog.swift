import Foundation
import Synchronization

/// What clients said of each append they invoked, for `FailoverChecker`: each append is
/// named by the tag it carries as its payload.
final class AppendLog: Sendable {
    enum Outcome: Equatable, Sendable {
        case invoked
        case acknowledged(UInt64)
        case failed(String)
        case unknown(String)
    }

    private let outcomes = Mutex<[String: Outcome]>([:])

    func invoked(_ tag: String) { outcomes.withLock { $0[tag] = .invoked } }
    func record(_ tag: String, _ outcome: Outcome) { outcomes.withLock { $0[tag] = outcome } }

    var all: [String: Outcome] { outcomes.withLock { $0 } }

    var acknowledged: Int { all.values.filter { if case .acknowledged = $0 { true } else { false } }.count }
    var unknown: Int { all.values.filter { if case .unknown = $0 { true } else { false } }.count }
    var failed: Int { all.values.filter { if case .failed = $0 { true } else { false } }.count }
}
