import Foundation
import Testing

/// The shared index is derived and untrusted: whatever is in `DIR/index`, no process dies
/// by a signal, no value that does not check is served, and the index heals from the
/// journal without an operator. Each fault is tried on real files with the real binary,
/// each test on copies of its own, so they run in parallel.
@Suite struct IndexDamageTests {
    let pristine: String
    let baseline: String
    let files = FileManager.default

    /// One seeded data directory and its report for the whole suite; each test damages copies.
    static let seeded = Result { () throws -> (String, String) in
        let root = try SSCardProcess.temporaryDirectory()
        let seed = try SSCardProcess.run(["demo", "seed", "--data-dir", root, "--persons", "3000", "--unit-employees", "400"])
        guard seed.status == 0 else { throw SeedFailed(message: seed.error) }
        return (root, try SSCardProcess.run(report(root)).output)
    }

    struct SeedFailed: Error { var message: String }

    init() throws {
        (pristine, baseline) = try Self.seeded.get()
    }

    static func report(_ root: String) -> [String] {
        ["unit", "report", "--unit", "10000002", "--full-id", "--data-dir", root]
    }

    /// A copy of the seeded data directory with `damage` done to it.
    func damaged(_ damage: (String) throws -> Void) throws -> String {
        let root = try SSCardProcess.temporaryDirectory()
        try files.removeItem(atPath: root)
        try files.copyItem(atPath: pristine, toPath: root)
        try damage(root)
        return root
    }

    func flip(_ path: String, at offset: Int, mask: UInt8 = 0x01) throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[offset] ^= mask
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func damagedFolders(in root: String) throws -> [String] {
        try files.contentsOfDirectory(atPath: root).filter { $0.hasPrefix("index.damaged-") }
    }

    @Test func aChangedDigitOfAnIDNumberIsNeverServedAndTheIndexIsRebuilt() throws {
        let line = try #require(baseline.split(whereSeparator: \.isNewline).dropFirst().first)
        let number = try #require(line.split(separator: ",").map(String.init).first { $0.count == 18 })
        let root = try damaged { root in
            // Every copy of it: LMDB leaves old copies of pages in the file, and the live one must be hit.
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: root + "/index/data.mdb")))
            let needle = Array(number.utf8)
            let places = (0...(bytes.count - needle.count)).filter { Array(bytes[$0..<($0 + needle.count)]) == needle }
            #expect(!places.isEmpty)
            for at in places { bytes[at + 16] = bytes[at + 16] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0") }
            try Data(bytes).write(to: URL(fileURLWithPath: root + "/index/data.mdb"))
        }
        let run = try SSCardProcess.run(Self.report(root))
        #expect(run.status == 0 && run.signal == nil, "\(run.error)")
        #expect(run.output == baseline)
        #expect(run.error.contains("本机索引已损坏"), "\(run.error)")
        #expect(try damagedFolders(in: root).count == 1)
        let verify = try SSCardProcess.run(["index", "verify", "--data-dir", root])
        #expect(verify.status == 0, "\(verify.output)")
    }

    @Test(arguments: ["zeroedMetaPages", "indexIsARegularFile", "dataIsAFolder", "dataCutToHalf", "indexIsEmptyFile"])
    func anIndexLMDBCannotOpenIsMovedAsideAndRebuiltWithoutASignal(_ fault: String) throws {
        for command in [Self.report, { ["index", "rebuild", "--data-dir", $0] }, { ["index", "verify", "--data-dir", $0] }] {
            let root = try damaged { root in
                let data = root + "/index/data.mdb"
                switch fault {
                case "zeroedMetaPages":
                    let handle = try #require(FileHandle(forWritingAtPath: data))
                    try handle.write(contentsOf: Data(count: 8192))
                    try handle.close()
                case "indexIsARegularFile":
                    try files.removeItem(atPath: root + "/index")
                    try Data("not an index".utf8).write(to: URL(fileURLWithPath: root + "/index"))
                case "dataIsAFolder":
                    try files.removeItem(atPath: data)
                    try files.createDirectory(atPath: data, withIntermediateDirectories: false)
                case "dataCutToHalf":
                    let size = try #require(files.attributesOfItem(atPath: data)[.size] as? Int)
                    #expect(truncate(data, off_t(size / 2)) == 0)
                default:
                    #expect(truncate(data, 0) == 0)
                }
            }
            let run = try SSCardProcess.run(command(root))
            #expect(run.signal == nil, "\(fault): \(command(root)) died by signal \(run.signal ?? 0)")
            if fault == "indexIsEmptyFile" {
                // An empty file is a new index to LMDB, not a damaged one: it is filled from the journal.
                #expect(run.status == 0 || run.output.contains("behind"), "\(run.output)\(run.error)")
            } else if command(root)[0] == "index", command(root)[1] == "verify" {
                // verify changes nothing: it names the damage and the command that repairs it.
                #expect(run.status == 1 && run.output.contains("sscard index rebuild"), "\(fault): \(run.output)\(run.error)")
            } else {
                #expect(run.status == 0, "\(fault): \(run.error)")
                let verify = try SSCardProcess.run(["index", "verify", "--data-dir", root])
                #expect(verify.status == 0, "\(fault): \(verify.output)")
            }
            if command(root)[0] == "unit" { #expect(run.output == baseline, "\(fault)") }
        }
    }

    /// Bit flips anywhere in the file: counted, and none may kill a process or change an answer.
    @Test func randomDamageNeverKillsAProcessNorServesAWrongValue() throws {
        var generator = SeededGenerator(seed: 26)
        let size = try #require(files.attributesOfItem(atPath: pristine + "/index/data.mdb")[.size] as? Int)
        var tried = 0, signals = 0, wrongAnswers = 0, repaired = 0
        for trial in 0..<30 {
            let flips = [1, 5, 50][trial % 3]
            let root = try damaged { root in
                for _ in 0..<flips {
                    try flip(root + "/index/data.mdb", at: Int.random(in: 0..<size, using: &generator),
                             mask: UInt8(1) << UInt8.random(in: 0..<8, using: &generator))
                }
            }
            tried += 1
            let run = try SSCardProcess.run(Self.report(root))
            if run.signal != nil { signals += 1 }
            if run.status == 0, run.output != baseline { wrongAnswers += 1 }
            if run.status != 0 { Issue.record("trial \(trial): \(run.error)") }
            if try !damagedFolders(in: root).isEmpty { repaired += 1 }
            try? files.removeItem(atPath: root)
        }
        #expect(signals == 0)
        #expect(wrongAnswers == 0)
        print("index damage: \(tried) damaged files tried, \(repaired) repaired, \(signals) signals, \(wrongAnswers) wrong answers served")
    }

    @Test func indexVerifyOnADamagedPageNamesTheDamageAndTheRepair() throws {
        let root = try damaged { root in
            let data = root + "/index/data.mdb"
            let size = try #require(files.attributesOfItem(atPath: data)[.size] as? Int)
            // Every page after the two meta pages: whatever verify reads first is garbage.
            let handle = try #require(FileHandle(forWritingAtPath: data))
            try handle.seek(toOffset: 8192)
            try handle.write(contentsOf: Data(repeating: 0xA5, count: size - 8192))
            try handle.close()
        }
        let run = try SSCardProcess.run(["index", "verify", "--data-dir", root])
        #expect(run.signal == nil && run.status == 1, "\(run.output)\(run.error)")
        #expect(run.output.contains("damaged") && run.output.contains("sscard index rebuild"), "\(run.output)\(run.error)")
        #expect(!run.error.contains("MDB_PAGE_NOTFOUND"), "\(run.error)")
    }

    @Test func anIndexThatIsALinkToAnotherDeploymentIsRefusedAndLeftAlone() throws {
        let other = try damaged { _ in }
        let before = try Data(contentsOf: URL(fileURLWithPath: other + "/index/data.mdb"))
        let root = try damaged { root in
            try files.removeItem(atPath: root + "/index")
            try files.createSymbolicLink(atPath: root + "/index", withDestinationPath: other + "/index")
        }
        let run = try SSCardProcess.run(["index", "rebuild", "--data-dir", root])
        #expect(run.status == 1, "\(run.output)")
        #expect(run.error.contains("符号链接") && run.error.contains("rm "), "\(run.error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: other + "/index/data.mdb")) == before)
    }

    @Test func aWorldWritableDataDirectoryIsRefusedWithTheCommandThatFixesIt() throws {
        for (path, mode, fix) in [("", 0o777, "chmod -R go-w"), ("/index/data.mdb", 0o666, "chmod 600"), ("/journal", 0o757, "chmod -R go-w")] {
            let root = try damaged { root in #expect(chmod(root + path, mode_t(mode)) == 0) }
            let run = try SSCardProcess.run(Self.report(root))
            #expect(run.status == 1 && run.output.isEmpty, "\(path): \(run.output)")
            #expect(run.error.contains("其他用户可写") && run.error.contains(fix), "\(path): \(run.error)")
        }
    }

    /// LMDB's writer mutex lives in lock.mdb: deleted under a running writer, a second one
    /// would make a new mutex. The flock on the index folder still keeps them apart.
    @Test func deletingLockMdbWhileAWriterRunsLetsNoSecondWriterIn() throws {
        let root = try damaged { _ in }
        let seed = try SSCardProcess.run(["demo", "seed", "--data-dir", root, "--persons", "20000"])
        #expect(seed.status == 0)
        let first = Process()
        first.executableURL = SSCardProcess.executable
        first.arguments = ["index", "rebuild", "--data-dir", root]
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        try? files.removeItem(atPath: root + "/index/lock.mdb")
        let second = try SSCardProcess.run(["index", "rebuild", "--data-dir", root])
        first.waitUntilExit()
        #expect(first.terminationReason == .exit && first.terminationStatus == 0)
        #expect(second.signal == nil && second.status == 0, "\(second.error)")
        let verify = try SSCardProcess.run(["index", "verify", "--data-dir", root])
        #expect(verify.status == 0, "\(verify.output)")
    }

    /// A repair killed at any point leaves a directory whose next start repairs or
    /// catches up, and whose index then verifies.
    @Test func killedDuringTheRepairTheNextStartRepairsAgain() throws {
        let root = try damaged { _ in }
        let seed = try SSCardProcess.run(["demo", "seed", "--data-dir", root, "--persons", "30000"])
        #expect(seed.status == 0)
        var kills = 0
        for delay in [100_000, 400_000] as [useconds_t] {
            #expect(truncate(root + "/index/data.mdb", 4096 * 3) == 0 || !files.fileExists(atPath: root + "/index/data.mdb"))
            let process = Process()
            process.executableURL = SSCardProcess.executable
            process.arguments = Self.report(root)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            let verify = try SSCardProcess.run(["index", "verify", "--data-dir", root])
            if verify.status != 0 {
                let again = try SSCardProcess.run(Self.report(root))
                #expect(again.status == 0, "\(again.error)")
                #expect(try SSCardProcess.run(["index", "verify", "--data-dir", root]).status == 0)
            }
        }
        #expect(kills >= 1, "every repair ended before it could be killed")
    }
}

/// A small deterministic generator (SplitMix64), so a failing trial can be run again.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
