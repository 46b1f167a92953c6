import Foundation
import Journal
import SystemPackage
import Testing

/// Issue 30's restore drill, on real processes: a backup while a `records import` of
/// 200,000 rows runs, another in the middle of a clerk's 代办; the second is restored into a
/// new directory. Every record up to its manifest is byte-identical to the original's and none
/// past it appears; `journal verify` and `index verify` pass there, and a clerk starts on it.
@Suite(.serialized) struct RestoreDrillTests {
    let retiree = RetireeEndToEndTests()

    /// `count` employees of the demo's 10000001 with distinct valid ID numbers.
    static func persons(_ count: Int) -> String {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let checks = Array("10X98765432")
        var lines = ["姓名,证件号码,证件有效期限开始日期,常住所在地地址,常住地所在区,卡预留手机号,人员状态,单位编号"]
        lines.reserveCapacity(count + 1)
        for index in 0..<count {
            // Birth days from 1960-01-01 on, a thousand people a day: always a real date.
            let day = index / 1000
            let year = 1960 + day / 336, month = 1 + day % 336 / 28, date = 1 + day % 28
            let body = "110105" + String(format: "%04d%02d%02d%03d", year, month, date, index % 1000)
            let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
            lines.append("张三,\(body)\(checks[sum % 11]),2018-07-01,北京市朝阳区望京街道\(index)号,朝阳区,,在职,10000001")
        }
        return lines.joined(separator: "\n")
    }

    func records(_ journal: String, through last: UInt64) throws -> [[UInt8]] {
        var all: [[UInt8]] = []
        try JournalReader(directory: FilePath(journal)).forEach { sequence, _, _, payload in
            if sequence <= last { all.append(Array(payload)) }
        }
        return all
    }

    func lastSequence(_ data: String) throws -> UInt64 {
        var last: UInt64 = 0
        try JournalReader(directory: FilePath(data + "/journal")).forEach { sequence, _, _, _ in last = sequence }
        return last
    }

    @Test func twoBackupsDuringAnImportAndADaibanRestoreToAByteIdenticalPrefix() throws {
        let directory = try SSCardProcess.temporaryDirectory()
        let data = directory + "/data"
        #expect(try SSCardProcess.run(["demo", "seed", "--data-dir", data]).status == 0)
        try RetireeEndToEndTests.makeDemoImages(in: directory + "/photos")
        try Self.persons(100_000).write(toFile: directory + "/persons.csv", atomically: true, encoding: .utf8)
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("sscard")
        // At the lowest priority: it still runs while the clerk works, without slowing the
        // other tests' screens on a small CI machine.
        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: "/usr/bin/nice")
        importer.arguments = ["-n", "19", binary.path, "records", "import", directory + "/persons.csv", "--data-dir", data]
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        defer { if importer.isRunning { importer.terminate() } }
        // The first backup while the import appends, once it has recorded some batches.
        let deadline = Date().addingTimeInterval(120)
        while try lastSequence(data) < 5_000, Date() < deadline { usleep(100_000) }
        let first = try SSCardProcess.run(["backup", "--to", directory + "/backup", "--data-dir", data])
        #expect(first.status == 0, "\(first.error)")
        // The clerk starts and works while the import still appends; the second backup is
        // taken in the middle of the 代办, between drafts.
        let clerk = try retiree.session(directory, ["--channel", "counter"])
        // A start during the import catches the index up to the journal's end as it opened
        // (up to the 50,000 records an import holds before it settles): seconds in a debug build.
        try clerk.waitFor("工作人员登录", seconds: 90)
        try retiree.logIn(clerk, keys: ["Enter"], as: "guitai01")
        try clerk.send("Enter")
        try clerk.waitFor("证件号码或姓名")
        try clerk.type("周")
        try clerk.send("Enter")
        try clerk.waitFor("110102********0268")
        try clerk.send("Enter")
        try clerk.waitFor("可以申领")
        try clerk.send("Enter")
        try clerk.waitFor("申请人已知悉并同意")
        try clerk.send("Space", "Enter")
        try clerk.waitFor("开始资格校验")
        try clerk.send("Space", "Tab", "Enter")
        try clerk.waitFor("核对基本信息")
        let importing = importer.isRunning
        let second = try SSCardProcess.run(["backup", "--to", directory + "/backup", "--data-dir", data])
        #expect(second.status == 0 && second.output.contains("保留"), "\(second.output)\(second.error)")
        try clerk.send("Tab", "Tab", "Tab", "Enter")
        try clerk.waitFor("补充信息")
        #expect(importing, "the import ended before the clerk reached 核对基本信息: nothing ran at once")
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)

        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/backup/manifest.json"))) as? [String: Any]
        let through = UInt64(try #require(manifest?["lastSequence"] as? Int))
        let restored = directory + "/restored"
        let restore = try SSCardProcess.run(["restore", "--from", directory + "/backup", "--data-dir", restored])
        #expect(restore.status == 0 && restore.output.contains("到第 \(through) 条记录"), "\(restore.output)\(restore.error)")
        #expect(try lastSequence(restored) == through, "a record past the manifest appeared")
        #expect(try records(restored + "/journal", through: through) == records(data + "/journal", through: through))
        #expect(try lastSequence(data) > through, "the clerk's draft came after the backup")
        #expect(try SSCardProcess.run(["journal", "verify", "--data-dir", restored]).status == 0)
        let index = try SSCardProcess.run(["index", "verify", "--data-dir", restored])
        #expect(index.status == 0, "\(index.output)")
        let restart = try TmuxSession(arguments: ["--channel", "counter", "--data-dir", restored], directory: directory)
        try restart.waitFor("工作人员登录")
        #expect(try restart.quitWithF10() == 0)
    }
}

/// `backup`, `backup --verify`, `restore` and `status` through the binary: exit codes, modes, and the Prometheus file.
@Suite struct BackupCLITests {
    @Test func statusWarnsUntilABackupThenVerifyAndRestoreNameDamage() throws {
        let directory = try SSCardProcess.temporaryDirectory()
        let data = directory + "/data"
        #expect(try SSCardProcess.run(["demo", "seed", "--data-dir", data]).status == 0)
        let before = try SSCardProcess.run(["status", "--data-dir", data])
        #expect(before.status >= 1 && before.output.contains("还没有备份过"), "\(before.output)")
        let backup = try SSCardProcess.run(["backup", "--to", directory + "/backup", "--data-dir", data])
        #expect(backup.status == 0 && backup.output.contains("已校验"), "\(backup.error)")
        var status = stat()
        stat(directory + "/backup", &status)
        #expect(status.st_mode & 0o777 == 0o700)
        stat(directory + "/backup/manifest.json", &status)
        #expect(status.st_mode & 0o777 == 0o600)
        let prom = directory + "/sscard.prom"
        let after = try SSCardProcess.run(["status", "--json", "--prometheus", prom, "--data-dir", data])
        let json = try JSONSerialization.jsonObject(with: Data(after.output.utf8)) as? [String: Any]
        let reasons = json?["reasons"] as? [String] ?? []
        #expect(!reasons.contains { $0.contains("备份") }, "\(reasons)")
        #expect(after.status == Int32((json?["level"] as? Int) ?? -1))
        // The Prometheus file parses back: a sample per line, the figures the JSON has.
        let samples = try String(contentsOfFile: prom, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
            .reduce(into: [String: Double]()) { found, line in
                let parts = line.split(separator: " ")
                if parts.count == 2, let value = Double(parts[1]) { found[String(parts[0])] = value }
            }
        let journal = json?["journal"] as? [String: Any]
        #expect(samples["sscard_journal_records"] == Double(journal?["records"] as? Int ?? -1))
        #expect(samples["sscard_status_level"] == Double(after.status) && samples["sscard_last_backup_sequence"] == samples["sscard_journal_records"])
        #expect(try SSCardProcess.run(["backup", "--verify", directory + "/backup"]).status == 0)
        // A byte changed in the copy: named by --verify and by restore, which writes nothing.
        let segment = try FileManager.default.contentsOfDirectory(atPath: directory + "/backup/journal").first { $0.hasSuffix(".seg") }!
        let path = directory + "/backup/journal/" + segment
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[100] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        let verify = try SSCardProcess.run(["backup", "--verify", directory + "/backup"])
        #expect(verify.status == 1 && verify.error.contains(segment) && verify.error.contains("SHA-256"))
        let restore = try SSCardProcess.run(["restore", "--from", directory + "/backup", "--data-dir", directory + "/restored"])
        #expect(restore.status == 1 && restore.error.contains(segment))
        #expect(!FileManager.default.fileExists(atPath: directory + "/restored/journal"))
        try Data("void x 0 1\n".utf8).write(to: URL(fileURLWithPath: data + "/journal/NEEDS-RECOVERY"))
        #expect(try SSCardProcess.run(["status", "--data-dir", data]).status == 2)
    }
}

/// A backup taken right after a writer was killed with SIGKILL in the middle of an import:
/// it holds whole batches only, restores, and verifies.
@Suite struct BackupAfterKillTests {
    @Test func aBackupAfterAWriterIsKilledHoldsWholeBatchesAndRestores() throws {
        let directory = try SSCardProcess.temporaryDirectory()
        let data = directory + "/data"
        #expect(try SSCardProcess.run(["demo", "seed", "--data-dir", data]).status == 0)
        try RestoreDrillTests.persons(30_000).write(toFile: directory + "/persons.csv", atomically: true, encoding: .utf8)
        let drill = RestoreDrillTests()
        let seeded = try drill.lastSequence(data)
        let importer = Process()
        importer.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("sscard")
        importer.arguments = ["records", "import", directory + "/persons.csv", "--data-dir", data]
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        let deadline = Date().addingTimeInterval(60)
        while try drill.lastSequence(data) < seeded + 3_000, Date() < deadline { usleep(20_000) }
        kill(importer.processIdentifier, SIGKILL)
        importer.waitUntilExit()
        #expect(importer.terminationReason == .uncaughtSignal)
        let backup = try SSCardProcess.run(["backup", "--to", directory + "/backup", "--data-dir", data])
        #expect(backup.status == 0, "\(backup.error)")
        let restore = try SSCardProcess.run(["restore", "--from", directory + "/backup", "--data-dir", directory + "/restored"])
        #expect(restore.status == 0, "\(restore.error)")
        let restored = try drill.lastSequence(directory + "/restored")
        // The demo seed's records, then whole batches of the import: 1,000 rows each.
        #expect((restored - seeded) % 1000 == 0, "restored \(restored), seeded \(seeded)")
        #expect(try drill.records(directory + "/restored/journal", through: restored) == drill.records(data + "/journal", through: restored))
        #expect(try SSCardProcess.run(["journal", "verify", "--data-dir", directory + "/restored"]).status == 0)
    }
}
