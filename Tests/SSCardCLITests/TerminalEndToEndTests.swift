import Foundation
import Testing

/// The real binary in tmux (issue 4): login, Chinese input, resize, F10, monochrome, and
/// the terminal restored after every way out.
@Suite(.serialized) struct TerminalEndToEndTests {
    /// sscard with `arguments` in its own tmux, on a freshly seeded demo data directory.
    func startOnDemoData(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> (data: String, tmux: TmuxSession) {
        let directory = try SSCardProcess.temporaryDirectory()
        let seeded = try SSCardProcess.run(["demo", "seed", "--data-dir", directory + "/data"])
        #expect(seeded.status == 0, "\(seeded.error)")
        let tmux = try TmuxSession(arguments: ["--data-dir", directory + "/data"] + arguments, environment: environment,
                                   directory: directory)
        return (directory + "/data", tmux)
    }

    /// Over ssh LANG and LC_ALL are often unset: every Chinese character once vanished.
    /// The app falls back to C.UTF-8 for characters.
    @Test func withoutAUTF8LocaleTheChineseStillShows() throws {
        let (_, tmux) = try startOnDemoData(environment: ["LANG": "C", "LC_ALL": "C"])
        let screen = try tmux.waitFor("登录方式")
        #expect(screen.contains("北京市第三代社会保障卡"))
        #expect(try tmux.quitWithF10() == 0)
    }

    @Test func aRetireeLogsInAndF10WithEnterExitsWithStatusZero() throws {
        let (data, tmux) = try startOnDemoData()
        try tmux.waitFor("登录方式")
        try tmux.send("Down", "Tab", "Down", "Enter")
        try tmux.waitFor("用户名/手机号/身份证号")
        try tmux.type("13900030001")
        try tmux.send("Tab")
        try tmux.type("Demo@2026")
        try tmux.send("Enter")
        let home = try tmux.waitFor("请选择要办理的业务")
        #expect(home.contains("孙建国"))
        try tmux.send("F10")
        try tmux.waitFor("确认退出登录？")
        try tmux.send("Enter")
        try tmux.waitFor("登录方式")
        #expect(try tmux.quitWithF10() == 0)
        // The alternate screen is gone: the shell's own output is what is left.
        let after = try tmux.screen()
        #expect(!after.contains("登录方式"))
        let dump = try SSCardProcess.run(["journal", "dump", "--data-dir", data])
        #expect(dump.output.contains("\"kind\":\"loginAttempted\""))
        #expect(!dump.output.contains("Demo@2026"))
    }

    @Test func chineseInputLandsWithTheCursorAfterIt() throws {
        let (_, tmux) = try startOnDemoData(["--channel", "counter"])
        try tmux.waitFor("工作人员账号登录")
        try tmux.send("Enter")
        try tmux.waitFor("工作人员账号")
        try tmux.type("孙建国")
        let screen = try tmux.waitFor("[孙建国")
        let cursor = try tmux.tmux(["display-message", "-p", "-t", "0", "#{cursor_x},#{cursor_y}"])
        let line = try #require(screen.split(separator: "\n").first { $0.contains("[孙建国") })
        let bracket = String(line[..<line.range(of: "[孙建国")!.lowerBound])
        let expectedColumn = bracket.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } + 1 + 6
        #expect(cursor.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("\(expectedColumn),"))
        try tmux.send("BSpace")
        try tmux.waitFor("[孙建 ")
    }

    @Test func resizingBelow80x24ShowsANoticeAndKeepsTheInput() throws {
        let (_, tmux) = try startOnDemoData(["--channel", "counter"])
        try tmux.waitFor("工作人员账号登录")
        try tmux.send("Enter")
        try tmux.type("guitai01")
        try tmux.waitFor("[guitai01")
        try tmux.tmux(["resize-window", "-t", "0", "-x", "60", "-y", "20"])
        try tmux.waitFor("终端窗口太小：当前 60x20")
        try tmux.tmux(["resize-window", "-t", "0", "-x", "100", "-y", "30"])
        let restored = try tmux.waitFor("[guitai01")
        #expect(restored.contains("工作人员账号"))
        #expect(try tmux.quitWithF10() == 0)
    }

    @Test func aMonochromeTerminalAndSigtermBothEndCleanly() throws {
        let (_, tmux) = try startOnDemoData(environment: ["TERM": "vt100", "NO_COLOR": "1"])
        try tmux.waitFor("登录方式")
        let pid = try tmux.tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        // The pane runs a shell whose child is sscard; signal the child.
        let children = try String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)
            .split(separator: " ").compactMap { Int32($0) }
        #expect(!children.isEmpty)
        let status = (try? String(contentsOfFile: "/proc/\(children.first ?? 0)/status", encoding: .utf8)) ?? ""
        for child in children { kill(child, SIGTERM) }
        #expect(try tmux.exitStatus() == 128 + SIGTERM, "\(status)")
        // vt100 has no alternate screen, so the last frame stays; the shell's output follows.
        #expect(try tmux.screen().contains("SSCARD-ENDED"))
    }

    @Test func theKioskIgnoresControlCAndCannotBeLeft() throws {
        let (_, tmux) = try startOnDemoData(["--kiosk"])
        try tmux.waitFor("登录方式")
        try tmux.send("C-c")
        try tmux.send("C-z")
        try tmux.send("F10")
        try tmux.waitFor("不能退出")
        try tmux.send("Enter")
        let screen = try tmux.waitFor("登录方式")
        #expect(!screen.contains("SSCARD-ENDED"))
    }

    @Test func theAccessibleModeUsesNoEscapeSequences() throws {
        let (_, tmux) = try startOnDemoData(["--channel", "counter"], environment: ["TERM": "dumb"])
        try tmux.waitFor("无障碍文本模式")
        try tmux.waitFor("登录方式")
        try tmux.type("q")
        try tmux.send("Enter")
        #expect(try tmux.exitStatus() == 0)
    }
}
