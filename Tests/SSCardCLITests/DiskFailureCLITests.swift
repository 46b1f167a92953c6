import Foundation
import Testing

/// A failing disk under the real binary: `strace` makes fdatasync fail with EIO in
/// `sscard records import`. The import says exactly what was recorded, the refused batch
/// is never served, and when even voiding fails the app refuses to start until an
/// operator runs `sscard journal recover`.
@Suite(.serialized) struct DiskFailureCLITests {
    let root: String
    let csv: String

    init() throws {
        root = try SSCardProcess.temporaryDirectory()
        _ = try SSCardProcess.run(["demo", "seed", "--data-dir", root])
        csv = root + "/three.csv"
        let rows = [61, 63, 65].map { ImportHostileInputTests.row(name: "钱" + ["甲", "乙", "丙"][($0 - 61) / 2], sequence: $0) }
        try Data(([ImportHostileInputTests.header] + rows).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: csv))
    }

    func importUnderStrace(when: String) throws -> SSCardProcess.Run {
        let sscard = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("sscard").path
        return try SSCardProcess.run(["-f", "-o", "/dev/null", "-e", "trace=fdatasync", "-e", "inject=fdatasync:error=EIO:when=\(when)",
                                      sscard, "records", "import", csv, "--data-dir", root], executable: "/usr/bin/strace")
    }

    func dump() throws -> String { try SSCardProcess.run(["journal", "dump", "--data-dir", root, "--full"]).output }

    @Test func aFailedSyncDuringImportIsReportedAndItsBatchNeverServed() throws {
        let run = try importUnderStrace(when: "1")
        #expect(run.status == 1, "\(run.output) \(run.error)")
        #expect(run.output.contains("rows: 3  recorded: 0"))
        #expect(run.error.contains("导入中断：没有任何行被导入"))
        #expect(try !dump().contains("钱甲"))
        let again = try SSCardProcess.run(["records", "import", csv, "--data-dir", root])
        #expect(again.output.contains("recorded: 3"), "\(again.error)")
    }

    @Test func whenVoidingFailsTooTheAppRefusesToStartUntilRecovered() throws {
        let run = try importUnderStrace(when: "1+")
        #expect(run.status == 1)
        let app = try SSCardProcess.run(["--plain", "--data-dir", root])
        #expect(app.status == 1)
        #expect(app.error.contains("上次写入失败的记录未能作废") && app.error.contains("sscard journal recover"))
        #expect(try SSCardProcess.run(["journal", "verify", "--data-dir", root]).status == 1)
        let recover = try SSCardProcess.run(["journal", "recover", "--data-dir", root])
        #expect(recover.status == 0, "\(recover.error)")
        #expect(recover.output.contains("voided"))
        #expect(try SSCardProcess.run(["journal", "verify", "--data-dir", root]).status == 0)
        #expect(try !dump().contains("钱甲"))
        #expect(try SSCardProcess.run(["records", "import", csv, "--data-dir", root]).output.contains("recorded: 3"))
    }
}
