import Foundation
import FuzzSupport
import Journal
import SystemPackage

/// The journal over arbitrary segment bytes. The input becomes one or two segment files;
/// then verify, every reader and the writer's recovery run on them, and they must agree:
/// a journal verify calls consistent is read to its end by a reader without error, with
/// as many records as verify counted, and a writer that opens it keeps every one of them.
/// Readers agree among themselves too: `forEach`, `next()`, and a reader given a place.
/// A disagreement stops the fuzzer as a crash would.
@main enum JournalFuzzer: FuzzTarget {
    /// In /dev/shm where there is one: the journal syncs, and a sync on tmpfs costs nothing,
    /// so the fuzzer spends its time in the parsers rather than waiting for the disk.
    static let directory: FilePath = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : "/tmp"
        var template = Array("\(base)/sscard-fuzz-journal-XXXXXX".utf8CString)
        let made = mkdtemp(&template)!
        atexit { try? FileManager.default.removeItem(atPath: directory.removingLastComponent().string) }
        return FilePath(String(cString: made)).appending("journal")
    }()

    /// The first byte picks the layout: one segment (numbered 1) or two, split where the
    /// second byte says, the second numbered by the third byte.
    static func lay(_ bytes: [UInt8]) {
        try? FileManager.default.removeItem(atPath: directory.string)
        try? FileManager.default.createDirectory(atPath: directory.string, withIntermediateDirectories: true)
        guard bytes.count >= 3 else { return }
        let body = Array(bytes.dropFirst(3))
        if bytes[0] & 1 == 0 {
            write(body, first: 1)
        } else {
            let split = min(body.count, Int(bytes[1]) * max(1, body.count / 255))
            write(Array(body[..<split]), first: 1)
            write(Array(body[split...]), first: UInt64(bytes[2]) + 1)
        }
    }

    static func write(_ bytes: [UInt8], first: UInt64) {
        let path = directory.appending(SegmentHeader.fileName(firstSequence: first)).string
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    static func readAll() -> Result<Int, any Error> {
        Result { try JournalReader(directory: directory).forEach { _, _, _, _ in } }
    }

    /// The sequence numbers a reader serves, and whether it stopped with an error: record
    /// by record through `next()`, or through `forEach`'s fast path, from a place or not.
    static func served(byNext: Bool, from: UInt64 = 1, hint: JournalPlace? = nil) -> (sequences: [UInt64], threw: Bool) {
        var sequences: [UInt64] = []
        do {
            let reader = try JournalReader(directory: directory, from: from, hint: hint)
            if byNext {
                while let record = try reader.next() { sequences.append(record.sequence) }
            } else {
                try reader.forEach { sequence, _, _, _ in sequences.append(sequence) }
            }
            return (sequences, false)
        } catch {
            return (sequences, true)
        }
    }

    /// `forEach` serves what `next()` serves; and a reader started at the place of a
    /// record served (`JournalPlace`) serves the same from there on.
    static func checkReadersAgree(_ pick: UInt8) {
        let plain = served(byNext: false)
        let stepped = served(byNext: true)
        guard plain == stepped else { fatalError("forEach served \(plain), next() \(stepped)") }
        guard !plain.sequences.isEmpty else { return }
        let chosen = plain.sequences[Int(pick) % plain.sequences.count]
        guard let reader = try? JournalReader(directory: directory, from: chosen), (try? reader.next()) != nil,
              let place = reader.lastPlace else { fatalError("record \(chosen) was served once but not again") }
        for from in [chosen, chosen + 1] {
            let hinted = served(byNext: false, from: from, hint: place)
            let expected = (plain.sequences.filter { $0 >= from }, plain.threw)
            guard hinted == expected else { fatalError("from the place of \(chosen): \(hinted), without it \(expected)") }
        }
    }

    static func fuzz(_ bytes: [UInt8]) {
        lay(bytes)
        let report = JournalVerifier(directory: directory).verify()
        let read = readAll()
        checkReadersAgree(bytes.count > 1 ? bytes[1] : 0)
        if report.isConsistent {
            guard case .success(let count) = read else {
                fatalError("verify says consistent, the reader says \(read)")
            }
            guard count == report.records else { fatalError("verify counted \(report.records) records, the reader \(count)") }
        } else if case .success = read, report.tornTails.isEmpty {
            // The reader may stop cleanly before damage verify finds in a sealed-off segment
            // only if verify's problem is one a reader cannot reach; anything else is a disagreement.
            if case .needsRecovery? = report.corruption { fatalError("a marker was ignored by the reader") }
        }
        guard let journal = try? Journal(directory: directory, options: JournalOptions(segmentCapacity: 1 << 16)) else { return }
        let kept = journal.lastSequence
        journal.close()
        if case .success(let count) = read, report.isConsistent, UInt64(count) != kept {
            fatalError("the writer recovered to \(kept) records where \(count) were served")
        }
    }
}
