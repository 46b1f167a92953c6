import Foundation
import Testing

/// A clerk at work when the index's bytes go bad under the running process: the search
/// that meets the damage shows nothing from it, the screen says in one line what happened,
/// the index is rebuilt from the journal, and the next search finds the true record.
@Suite(.serialized) struct IndexDamageEndToEndTests {
    let retiree = RetireeEndToEndTests()

    /// Changes one digit of `number` in every place the index file holds it, in place (a
    /// running process maps the file: it sees the change as a bit flip on disk would be).
    static func damage(_ number: String, in file: String) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: file))
        defer { try? handle.close() }
        let bytes = [UInt8](try handle.readToEnd() ?? Data())
        let needle = Array(number.utf8)
        var changed = 0
        for at in 0...(bytes.count - needle.count) where Array(bytes[at..<(at + needle.count)]) == needle {
            try handle.seek(toOffset: UInt64(at + 16))
            try handle.write(contentsOf: Data([bytes[at + 16] == UInt8(ascii: "9") ? UInt8(ascii: "8") : UInt8(ascii: "9")]))
            changed += 1
        }
        #expect(changed > 0)
    }

    @Test func aClerkWhoseIndexIsDamagedSeesNoWrongRecordAndTheIndexHeals() throws {
        let (directory, clerk) = try retiree.start(["--channel", "counter"])
        try retiree.logIn(clerk, keys: ["Enter"], as: "guitai01")
        try clerk.send("Enter")
        try clerk.waitFor("证件号码或姓名")
        try Self.damage("110102196104170268", in: directory + "/data/index/data.mdb")
        try clerk.type("周")
        try clerk.send("Enter")
        let notice = try clerk.waitFor("本机索引已重建")
        #expect(notice.contains("刚才的查询结果没有显示"), "\(notice)")
        #expect(!notice.contains("110102********0968") && !notice.contains("110102********0868"), "\(notice)")
        try clerk.send("Enter")
        try clerk.waitFor("请选择要办理的业务")
        try clerk.send("Enter")
        try clerk.waitFor("证件号码或姓名")
        try clerk.type("周")
        try clerk.send("Enter")
        try clerk.waitFor("110102********0268")
        #expect(try clerk.quitWithF10Twice() == 0)
        let aside = try FileManager.default.contentsOfDirectory(atPath: directory + "/data").filter { $0.hasPrefix("index.damaged-") }
        #expect(aside.count == 1)
        #expect(try SSCardProcess.run(["index", "verify", "--data-dir", directory + "/data"]).status == 0)
    }
}
