import Foundation
import Journal
@testable import PostgresJournal
import Synchronization

/// Clients appending through a failover: writers on their own threads, each append logged
/// as invoked, acknowledged, failed or unknown; readers tail the journal and keep what
/// they applied. Each client connects through the site URL (both servers) and finds the
/// primary itself.
final class FailoverRun: @unchecked Sendable {
    let log = AppendLog()
    private let stopping = Atomic<Bool>(false)
    private let readersApplied = Mutex<[[(position: UInt64, payload: [UInt8])]]>([])
    private var threads: [Thread] = []
    private let finished = Atomic<Int>(0)

    init(_ location: PostgresLocation, writers: Int = 3, readers: Int = 1, appendDeadline: Duration = .seconds(15)) {
        readersApplied.withLock { $0 = Array(repeating: [], count: readers) }
        for client in 0..<writers {
            threads.append(Thread { [self] in write(as: client, location, appendDeadline); finished.add(1, ordering: .sequentiallyConsistent) })
        }
        for reader in 0..<readers {
            threads.append(Thread { [self] in read(as: reader, location); finished.add(1, ordering: .sequentiallyConsistent) })
        }
        threads.forEach { $0.start() }
    }

    var applied: [[(position: UInt64, payload: [UInt8])]] { readersApplied.withLock { $0 } }

    /// Stops every client and waits until each has ended (30 s at most).
    func stop() throws {
        stopping.store(true, ordering: .sequentiallyConsistent)
        try waitUntil("every client ended") { finished.load(ordering: .sequentiallyConsistent) == threads.count }
    }

    /// Polls `condition` every 20 ms for up to 60 s.
    func waitUntil(_ what: String, _ condition: () -> Bool) throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw PostgresTestFailure(reason: "timed out waiting until \(what)") }
            usleep(20_000)
        }
    }

    private func write(as client: Int, _ location: PostgresLocation, _ appendDeadline: Duration) {
        var journal: PostgresJournal?
        var number = 0
        while !stopping.load(ordering: .sequentiallyConsistent) {
            number += 1
            let tag = "client\(client)-\(number)"
            log.invoked(tag)
            do {
                if journal == nil { journal = try PostgresJournal(location); journal?.appendDeadline = appendDeadline }
                let range = try journal!.append { _ in [JournalEntry(type: 7, payload: Array(tag.utf8))] }
                log.record(tag, .acknowledged(range!.lowerBound))
            } catch let error {
                log.record(tag, Self.outcome(of: error))
                if case .unknown = Self.outcome(of: error) { journal = nil }
                usleep(20_000)
            }
        }
    }

    /// An error is a failure only when the append certainly was not made.
    static func outcome(of error: any Error) -> AppendLog.Outcome {
        switch error {
        case PostgresJournalError.outcomeUnknown(let message), PostgresFailure.lost(let message): .unknown(message)
        default: .failed("\(error)")
        }
    }

    private func read(as reader: Int, _ location: PostgresLocation) {
        var journal: PostgresJournal?
        var last: UInt64 = 0
        while !stopping.load(ordering: .sequentiallyConsistent) {
            do {
                if journal == nil { journal = try PostgresJournal(location) }
                try journal!.forEachRecord(after: last) { record, _ in
                    readersApplied.withLock { $0[reader].append((record.sequence, record.payload)) }
                    last = record.sequence
                    return true
                }
            } catch {
                journal = nil
            }
            usleep(10_000)
        }
    }
}

struct PostgresTestFailure: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
