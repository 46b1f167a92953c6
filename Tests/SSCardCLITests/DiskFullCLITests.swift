import Foundation
import Testing

/// A full disk under the real binary, on a real tmpfs of 100 MB: an import whose next
/// batch needs a new 64 MiB segment is refused whole at the roll, its summary names exactly
/// the rows the journal holds, and while the disk stays full clerks still start and read.
@Suite(.serialized) struct DiskFullCLITests {
    let mountPoint: String
    let root: String

    init() throws {
        mountPoint = try SSCardProcess.temporaryDirectory()
        let mount = try SSCardProcess.run(["-t", "tmpfs", "-o", "size=100m,mode=0700", "tmpfs", mountPoint], executable: "/bin/mount")
        try #require(mount.status == 0, "mounting a tmpfs needs root: \(mount.error)")
        root = mountPoint + "/data"
    }

    /// `count` resident rows with distinct, valid ID numbers (birth dates from 1940 on).
    static func rows(_ count: Int) -> String {
        var lines = [ImportHostileInputTests.header]
        lines.reserveCapacity(count + 1)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 1940, month: 1, day: 1))!
        for index in 0..<count {
            let day = calendar.dateComponents([.year, .month, .day], from: start.addingTimeInterval(Double(index / 9) * 86_400))
            let first17 = "110105" + String(format: "%04d%02d%02d", day.year!, day.month!, day.day!) + String(format: "%03d", index % 9 * 2 + 1)
            let sum = zip(first17, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
            let id = first17 + String(Array("10X98765432")[sum % 11])
            let name = "赵" + String(given[index % given.count]) + String(given[index / given.count % given.count])
            lines.append("\(name),\(id),2010-05-01,北京市朝阳区测试街\(index)号,朝阳区,,退休,北京银行,北京银行朝阳支行")
        }
        return lines.joined(separator: "\n")
    }

    @Test func anImportThatFillsTheDiskRecordsWholeBatchesAndSaysExactlyWhichAndClerksStillStart() throws {
        defer { _ = try? SSCardProcess.run([mountPoint], executable: "/bin/umount") }
        let seed = try SSCardProcess.run(["demo", "seed", "--data-dir", root])
        #expect(seed.status == 0, "\(seed.error)")
        let csv = try SSCardProcess.temporaryDirectory() + "/rows.csv"
        try Data(Self.rows(130_000).utf8).write(to: URL(fileURLWithPath: csv))
        let run = try SSCardProcess.run(["records", "import", csv, "--data-dir", root])
        #expect(run.status == 1, "the first segment holds about 113,000 rows; the roll must fail: \(run.output)")
        let recorded = try #require(run.output.firstMatch(of: /recorded: (\d+)/).map { Int($0.1)! })
        #expect(recorded > 0 && recorded < 130_000)
        #expect(run.error.contains("第 \(recorded + 1) 行及以前的行已导入"), "\(run.error)")
        let dump = try SSCardProcess.run(["journal", "dump", "--data-dir", root])
        let imported = dump.output.split(separator: "\n").count { $0.contains("personRecorded") && $0.contains("测试街") }
        #expect(imported == recorded)
        #expect(try SSCardProcess.run(["journal", "verify", "--data-dir", root]).status == 0)

        // The disk is still full: a clerk starts, looks people up and reads statuses.
        let report = try SSCardProcess.run(["unit", "report", "--unit", "10000002", "--data-dir", root])
        #expect(report.status == 0 && report.signal == nil, "\(report.error)")
        #expect(report.output.contains("待确认"))
        let app = try SSCardProcess.run(["--plain", "--data-dir", root], input: "q\n")
        #expect(app.signal == nil && app.output.contains("请选择登录身份"), "\(app.output)\(app.error)")
    }
}
