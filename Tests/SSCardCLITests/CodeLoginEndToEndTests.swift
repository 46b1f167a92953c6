import Foundation
import Testing

/// Platform logins in the real binary (D10): the terminal shows a one-time code, a second
/// process answers as the identity platform (`sscard auth approve|deny`), and the waiting
/// terminal follows the journal: logged in, or told why not.
@Suite(.serialized) struct CodeLoginEndToEndTests {
    let retiree = RetireeEndToEndTests()

    /// The code on screen (a login code, or 实名认证's 核验码), as "ACDE-FGHJ".
    func code(on screen: String) -> String? {
        let alphabet = Set("ACDEFHJKMNPRTUVWXY3479")
        func isCode(_ token: Substring) -> Bool {
            guard token.count == 9 else { return false }
            for (offset, character) in token.enumerated() {
                let fits: Bool = offset == 4 ? character == "-" : alphabet.contains(character)
                if !fits { return false }
            }
            return true
        }
        return screen.split(separator: "\n").filter { $0.contains("登录码") || $0.contains("核验码") }
            .lazy.compactMap { $0.split(separator: " ").first(where: isCode) }.first.map(String.init)
    }

    @Test func aRetireeScansOnTheWebAndAnotherProcessApproves() throws {
        let (directory, tmux) = try retiree.start(["--channel", "web"])
        try tmux.waitFor("登录")
        try tmux.send("Down", "Tab", "Enter")
        let screen = try tmux.waitFor("一次有效")
        let shown = try #require(code(on: screen), "\(screen)")
        let pending = try SSCardProcess.run(["auth", "pending", "--data-dir", directory + "/data"])
        #expect(pending.output.contains("qrScan") && pending.output.contains("个人登录"), "\(pending.output)")
        let approved = try SSCardProcess.run(["auth", "approve", shown, "--as", RetireeEndToEndTests.sun, "--data-dir", directory + "/data"])
        #expect(approved.status == 0 && approved.output.contains("110105********0137"), "\(approved.output)\(approved.error)")
        try tmux.waitFor("请选择要办理的业务", seconds: 5)
        let again = try SSCardProcess.run(["auth", "approve", shown, "--as", RetireeEndToEndTests.sun, "--data-dir", directory + "/data"])
        #expect(again.status == 2 && again.error.contains("已经处理过"), "\(again.error)")
        let journal = try retiree.dump(directory)
        #expect(journal.contains("\"kind\":\"loginCodeRequested\"") && journal.contains("\"kind\":\"loginCodeDecided\""))
        #expect(!journal.contains(shown.replacingOccurrences(of: "-", with: "")), "the journal keeps only the code's hash")
    }

    /// An employee (刘洋, of a unit that opened collective application) by 人脸识别 on 京通.
    @Test func anEmployeeLogsInByFaceOn京通() throws {
        let (directory, tmux) = try retiree.start(["--channel", "jingtong"])
        try tmux.waitFor("登录")
        try tmux.send("Space", "Tab", "Enter")
        let screen = try tmux.waitFor("一次有效")
        let shown = try #require(code(on: screen), "\(screen)")
        let approved = try SSCardProcess.run(["auth", "approve", shown, "--as", "110101198501150626", "--method", "face",
                                              "--data-dir", directory + "/data"])
        #expect(approved.status == 0, "\(approved.output)\(approved.error)")
        let home = try tmux.waitFor("请选择要办理的业务", seconds: 5)
        #expect(home.contains("刘洋"), "\(home)")
    }

    @Test func aDeniedFaceCheckIn京通SaysWhy() throws {
        let (directory, tmux) = try retiree.start(["--channel", "jingtong"])
        try tmux.waitFor("登录")
        // 同意, then 开始人脸识别.
        try tmux.send("Space", "Tab", "Enter")
        let screen = try tmux.waitFor("一次有效")
        let shown = try #require(code(on: screen), "\(screen)")
        let denied = try SSCardProcess.run(["auth", "deny", shown, "--reason", "人脸比对未通过", "--data-dir", directory + "/data"])
        #expect(denied.status == 0, "\(denied.error)")
        try tmux.waitFor("未能登录：人脸比对未通过", seconds: 5)
    }
}
