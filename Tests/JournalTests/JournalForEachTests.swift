import Foundation
import Journal
import SystemPackage
import Testing

/// `JournalReader.forEach` is replay's fast path: it visits the records already in its
/// window in one loop. It must serve exactly what `next()` serves, record for record,
/// from any starting sequence, across segments, and stop where `next()` stops.
@Suite struct JournalForEachTests {
    struct Visited: Equatable {
        var sequence: UInt64
        var payload: [UInt8]
    }

    func viaNext(_ directory: FilePath, from: UInt64) -> ([Visited], Bool) {
        var served: [Visited] = []
        do {
            let reader = try JournalReader(directory: directory, from: from)
            while let record = try reader.next() { served.append(Visited(sequence: record.sequence, payload: record.payload)) }
            return (served, false)
        } catch {
            return (served, true)
        }
    }

    func viaForEach(_ directory: FilePath, from: UInt64) -> ([Visited], Bool) {
        var served: [Visited] = []
        do {
            let reader = try JournalReader(directory: directory, from: from)
            let count = try reader.forEach { sequence, _, _, payload in
                served.append(Visited(sequence: sequence, payload: Array(payload)))
            }
            #expect(count == served.count)
            return (served, false)
        } catch {
            return (served, true)
        }
    }

    func expectSame(_ fixture: borrowing JournalFixture, from starts: [UInt64]) {
        for from in starts {
            let expected = viaNext(fixture.directory, from: from)
            let actual = viaForEach(fixture.directory, from: from)
            #expect(actual.0 == expected.0, "from \(from)")
            #expect(actual.1 == expected.1, "from \(from): one threw and the other did not")
        }
    }

    @Test func servesWhatNextServesFromEveryKindOfStartAcrossSegments() throws {
        let fixture = try JournalFixture()
        try fixture.writeBatches(3000)
        let segments = try fixture.files().filter { $0.hasSuffix(".seg") }
        #expect(segments.count >= 3)
        let boundaries = segments.compactMap { UInt64($0.prefix(20)) }
        expectSame(fixture, from: [0, 1, 2, 500, 2999, 3000, 3001, 9999] + boundaries + boundaries.map { $0 - 1 })
        #expect(viaForEach(fixture.directory, from: 1).0.count == 3000)
    }

    @Test func stopsWithTheSameErrorAtDamageInTheMiddleOfAWindow() throws {
        for damaged: UInt64 in [1, 2, 37, 399, 400] {
            let fixture = try JournalFixture()
            try fixture.write(400)
            let start = JournalFixture.offset(ofRecord: damaged)
            try fixture.modifySegment { bytes in bytes[start + 40] ^= 0x10 }
            let (served, threw) = viaForEach(fixture.directory, from: 1)
            if damaged == 400 {
                // The last record torn: the tail, not corruption; served up to it.
                #expect(!threw)
            } else {
                #expect(threw, "damage at record \(damaged)")
            }
            #expect(served.map(\.sequence) == Array(1..<damaged))
            expectSame(fixture, from: [1, damaged - 1, damaged, damaged + 1])
        }
    }

    @Test func aSecondCallVisitsOnlyWhatWasAppendedSince() throws {
        let fixture = try JournalFixture()
        try fixture.write(10)
        let reader = try JournalReader(directory: fixture.directory)
        var seen: [UInt64] = []
        #expect(try reader.forEach { sequence, _, _, _ in seen.append(sequence) } == 10)
        try fixture.writeBatches(2000)
        #expect(try reader.forEach { sequence, _, _, _ in seen.append(sequence) } == 2000)
        #expect(try reader.forEach { sequence, _, _, _ in seen.append(sequence) } == 0)
        #expect(seen == Array(1...2010))
    }

    @Test func aRecordWhoseVisitThrewIsConsumedAndTheNextCallGoesOn() throws {
        struct Stop: Error {}
        let fixture = try JournalFixture()
        try fixture.write(300)
        let reader = try JournalReader(directory: fixture.directory)
        var seen: [UInt64] = []
        #expect(throws: Stop.self) {
            try reader.forEach { sequence, _, _, _ in
                seen.append(sequence)
                if sequence == 100 { throw Stop() }
            }
        }
        #expect(try reader.next()?.sequence == 101)
        try reader.forEach { sequence, _, _, _ in seen.append(sequence) }
        #expect(seen == Array(1...100) + Array(102...300))
    }
}
