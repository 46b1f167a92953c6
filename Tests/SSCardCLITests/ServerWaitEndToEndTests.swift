import Foundation
import JournalTestSupport
import Testing

/// A clerk who starts sscard while the journal's server refuses connections is told so in
/// Chinese; at a terminal sscard waits and goes on to the login screen once the server
/// answers; a script is told at once and exits 1. Nothing is written meanwhile.
@Suite struct ServerWaitEndToEndTests {
    @Test func aClerkWhoStartsWhileTheServerIsAwayWaitsAndGoesOnOnceItAnswers() throws {
        let cluster = try PostgresTestCluster.shared.get()
        let name = try cluster.freshDatabase()
        let url = cluster.url(database: name)
        #expect(try SSCardProcess.run(["journal", "init-postgres", url]).status == 0)
        let directory = try SSCardProcess.temporaryDirectory()
        let site = ["--data-dir", directory + "/site"]
        #expect(try SSCardProcess.run(["demo", "seed", "--journal", url] + site).status == 0)
        let records = try cluster.sql("SELECT position FROM journal_head", database: name)

        try cluster.sql("ALTER DATABASE \(name) ALLOW_CONNECTIONS false")
        let script = try SSCardProcess.run(["--plain", "--channel", "counter", "--journal", url] + site, input: "")
        #expect(script.status == 1, "\(script.output)\(script.error)")
        #expect(script.error.contains("连不上日志服务器") && script.error.contains("服务器恢复后重新启动即可"), "\(script.error)")

        // The URL is quoted for the pane's shell.
        let clerk = try TmuxSession(arguments: ["--plain", "--channel", "counter", "--journal", "'\(url)'"] + site,
                                    directory: directory)
        let waiting = try clerk.waitFor("已重试 2 次")
        #expect(waiting.contains("连不上日志服务器") && waiting.contains("Ctrl-C 退出"), "\(waiting)")
        // The retry line is rewritten in place on an 80-column terminal, not repeated.
        #expect(waiting.components(separatedBy: "恢复后自动进入登录界面").count == 2, "\(waiting)")
        try cluster.sql("ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
        // The suite's usual wait for a screen: once, under the whole suite's load, the start
        // after the server came back took longer than 30 s.
        let login = try clerk.waitFor("请输入编号")
        #expect(login.contains("日志服务器已恢复"), "\(login)")
        #expect(try cluster.sql("SELECT position FROM journal_head", database: name) == records)
    }
}
