import Foundation
import Journal
import SystemPackage
import Testing

/// Runs the real `sscard` binary and checks what it prints and its exit status.
@Suite struct CLITests {
    let root: String

    init() throws {
        root = try SSCardProcess.temporaryDirectory()
    }

    var journal: FilePath { FilePath(root).appending("journal") }

    func sscard(_ arguments: String...) throws -> SSCardProcess.Run {
        try SSCardProcess.run(arguments)
    }

    func write(_ payloads: [[UInt8]]) throws {
        let journal = try Journal(directory: journal, options: JournalOptions(segmentCapacity: 64 * 1024))
        try journal.append(payloads.map { JournalEntry(type: 5, payload: $0) })
    }

    /// Edits the first segment's bytes in place, as a crash or a bad disk would.
    func damageSegment(_ change: (inout [UInt8]) -> Void) throws {
        let segment = URL(fileURLWithPath: journal.appending("00000000000000000001.seg").string)
        var bytes = Array(try Data(contentsOf: segment))
        change(&bytes)
        try Data(bytes).write(to: segment)
    }

    @Test func helpAndVersion() throws {
        let help = try sscard("--help")
        #expect(help.status == 0)
        #expect(help.output.contains("journal"))
        #expect(help.output.contains("--data-dir"))
        let version = try sscard("--version")
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("sscard 0.1.0 (ncurses 6."))
    }

    @Test func verifyReportsRecordsAndLastSequence() throws {
        try write((0..<25).map { [UInt8($0)] })
        let run = try sscard("journal", "verify", "--data-dir", root)
        #expect(run.status == 0)
        #expect(run.output.contains("records: 25\n"))
        #expect(run.output.contains("last sequence: 25\n"))
        #expect(run.output.contains("status: consistent"))
    }

    @Test func verifyReportsATornTailButStillSucceeds() throws {
        try write((0..<3).map { _ in [1, 2, 3] })
        let end = 32 + 3 * 31
        try damageSegment { $0.replaceSubrange(end..<(end + 10), with: [UInt8](repeating: 9, count: 10)) }
        let run = try sscard("journal", "verify", "--data-dir", root)
        #expect(run.status == 0)
        #expect(run.output.contains("torn tail: 10 bytes at offset \(end)"))
        #expect(run.output.contains("records: 3\n"))
    }

    @Test func verifyExitsOneOnCorruptionNamingSegmentAndOffset() throws {
        try write((0..<5).map { _ in [1, 2, 3] })
        try damageSegment { $0[32 + 31 + 29] ^= 0x40 }  // a payload bit of record 2
        let run = try sscard("journal", "verify", "--data-dir", root)
        #expect(run.status == 1)
        #expect(run.output.contains("records: 1\n"))
        #expect(run.error.contains("segment 00000000000000000001.seg at offset 63"))
    }

    @Test func verifyWithoutAJournalSaysSo() throws {
        let run = try sscard("journal", "verify", "--data-dir", root + "/nothing-here")
        #expect(run.status == 2)
        #expect(run.error.contains("no journal at"))
    }

    @Test func dumpPrintsJSONLinesWithSeqTypeTimeAndPayload() throws {
        try write([Array(#"{"event":"提交","n":1}"#.utf8), [0xFF, 0x00, 0x01], Array(#"{"n":3}"#.utf8)])
        let run = try sscard("journal", "dump", "--data-dir", root)
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.map { $0["seq"] as? Int } == [1, 2, 3])
        #expect(objects.allSatisfy { $0["type"] as? Int == 5 })
        #expect((objects[0]["time"] as? String)?.hasSuffix("Z") == true)
        #expect((objects[0]["payload"] as? [String: Any])?["event"] as? String == "提交")
        #expect(objects[1]["payload_base64"] as? String == "/wAB")

        let from = try sscard("journal", "dump", "--data-dir", root, "--from", "3")
        #expect(from.output == "{\"seq\":3,\"type\":5,\"time\":\((objects[2]["time"] as! String).debugDescription),\"payload\":{\"n\":3}}\n")
    }

    /// Numbers are masked from the payload's bytes: 18-digit IDs (with a final X too),
    /// 15-digit ones and mobile numbers, and nothing else.
    @Test func dumpMasksEveryFormOfNumberAndNothingElse() throws {
        let values = ["11010519491231002X", "110105491231002", "13900030001", "23900030001", "1390003000１", "1101051949123100XX"]
        try write([Array(("{" + values.enumerated().map { "\"k\($0.offset)\":\"\($0.element)\"" }.joined(separator: ",") + "}").utf8)])
        let run = try sscard("journal", "dump", "--data-dir", root)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let payload = try #require(object?["payload"] as? [String: String])
        #expect((0..<values.count).map { payload["k\($0)"] } == [
            "110105********002X", "110105*****1002", "139****0001", "23900030001", "1390003000１", "1101051949123100XX"])
    }

    /// Who viewed a person comes back from the journal, oldest first, with the number masked
    /// and a terminal's name made harmless.
    @Test func viewsListWhoLookedAtAPersonFromTheJournal() throws {
        let number = "110105195609090137"
        func viewed(by clerk: String, at time: Int64, terminal: String, of person: String = number) -> [UInt8] {
            Array(#"{"actor":"\#(clerk)","at":\#(time),"channel":"counter","data":{"personNumber":"\#(person)"},"kind":"personViewed","role":"窗口经办","terminal":"\#(terminal)","v":1}"#.utf8)
        }
        let journal = try Journal(directory: journal, options: JournalOptions(segmentCapacity: 64 * 1024))
        try journal.append([viewed(by: "guitai01", at: 1_795_241_100_000_000, terminal: "pts/3"),
                            viewed(by: "guitai02", at: 1_795_241_160_000_000, terminal: "pts/4", of: "110102196104170268"),
                            viewed(by: "houtai01", at: 1_795_241_220_000_000, terminal: #"B01\u001b[2J"#)]
            .map { JournalEntry(type: 1, payload: $0) })
        journal.close()
        let run = try sscard("journal", "views", "--person", number, "--data-dir", root)
        #expect(run.status == 0, "\(run.error)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "110105********0137 的信息被工作人员查看过 2 次：")
        #expect(lines.dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).first.map(String.init) }
                == ["guitai01", "houtai01"])
        #expect(!run.output.contains(number) && !run.output.contains("\u{1B}"))
        let nobody = try sscard("journal", "views", "--person", "110108195801300391", "--data-dir", root)
        #expect(nobody.output == "110108********0391：没有工作人员查看过此人的信息。\n")
    }

    /// JSON escapes C0 controls itself; C1 controls (U+009B is CSI) and bidi overrides
    /// it leaves raw, and an auditor reads the dump on a terminal.
    @Test func dumpEscapesC1ControlsAndBidiOverridesInPayloads() throws {
        // Raw C1 and bidi scalars are valid inside a JSON string; C0 ones must be escaped.
        try write([Array("{\"name\":\"a\u{9B}2Jb\u{202E}cd\\u001b]0;x\\u0007\"}".utf8)])
        let run = try sscard("journal", "dump", "--data-dir", root)
        #expect(run.status == 0)
        #expect(!run.output.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E || $0.value == 0x1B })
        #expect(run.output.contains("\\u009B2Jb\\u202Ecd"))
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        #expect((object?["payload"] as? [String: Any])?["name"] as? String == "a\u{9B}2Jb\u{202E}cd\u{1B}]0;x\u{07}")
    }

    @Test func withoutATerminalTheAppRunsTheAccessibleModeOnTheDemoData() throws {
        let run = try sscard("--demo", "--data-dir", root + "/fresh")
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("已创建演示数据"))
        #expect(run.output.contains("无障碍文本模式"))
        #expect(run.output.contains("1) 法人登录"))
        #expect(!run.output.contains("\u{1B}"))
    }
}
