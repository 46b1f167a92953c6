import Foundation
import JournalTestSupport
import Testing

/// Two sites on one PostgreSQL journal, through the binary (issue 31): the journal is named
/// by --journal, SSCARD_JOURNAL or the data directory's config.json; each site keeps its own
/// index, built from PostgreSQL; a clerk at the second site does a 代办 for a person the
/// first site loaded, and the first site reads it.
@Suite struct TwoSitesCLITests {
    @Test func aClerkAtTheSecondSiteAppliesForAPersonTheFirstSiteLoaded() throws {
        let cluster = try PostgresTestCluster.shared.get()
        let url = cluster.url(database: try cluster.freshDatabase())
        let directory = try SSCardProcess.temporaryDirectory()
        let first = ["--journal", url, "--data-dir", directory + "/a"]
        let second = ["--data-dir", directory + "/b"]
        // The second site names the journal in its configuration file, 0600 like the folder.
        try FileManager.default.createDirectory(atPath: directory + "/b", withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        FileManager.default.createFile(atPath: directory + "/b/config.json", contents: Data(#"{"journal": "\#(url)"}"#.utf8),
                                       attributes: [.posixPermissions: 0o600])

        let empty = try SSCardProcess.run(["--plain", "--channel", "counter"] + first)
        #expect(empty.status != 0, "no journal yet: \(empty.output)\(empty.error)")
        #expect(try SSCardProcess.run(["journal", "init-postgres", url]).status == 0)
        let seeded = try SSCardProcess.run(["demo", "seed"] + first)
        #expect(seeded.status == 0, "\(seeded.error)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/a/journal"), "no segment journal at a site on PostgreSQL")

        let photos = directory + "/photos"
        try RetireeEndToEndTests.makeDemoImages(in: photos)
        let lines = ["", "guitai01", "Demo@2026", "", "110102196104170268", "", "", "1", "y", "y",
                     "", "", "", "", "", "",
                     "1", photos + "/id-front.png", "2", photos + "/id-back.png", "3", photos + "/card-photo.png", "4",
                     "", "", "y", "y", "3", "q", "y"]
        let clerk = try SSCardProcess.run(["--plain", "--channel", "counter"] + second, input: lines.joined(separator: "\n") + "\n")
        #expect(clerk.output.contains("人员信息：周秀英"), "the second site found the person: \(clerk.output.suffix(1500))\(clerk.error)")
        #expect(clerk.output.contains("代办申领已提交"), "\(clerk.output.suffix(1500))")

        // The first site reads the application the second recorded, and both indexes check.
        let views = try SSCardProcess.run(["journal", "views", "--person", "110102196104170268"] + first)
        #expect(views.output.contains("guitai01"), "\(views.output)\(views.error)")
        for site in [first, second] {
            let verified = try SSCardProcess.run(["index", "verify"] + site)
            #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        }
        let fromEnvironment = try SSCardProcess.run(["journal", "verify", "--data-dir", directory + "/c"], environment: ["SSCARD_JOURNAL": url])
        #expect(fromEnvironment.status == 0 && fromEnvironment.output.contains("journal: \(url)"), "\(fromEnvironment.output)\(fromEnvironment.error)")
        // The operator's tools read the shared journal too: dump (masked), status with the
        // server's figures; backup points to the database's own.
        let dump = try SSCardProcess.run(["journal", "dump"] + second)
        #expect(dump.status == 0 && dump.output.contains("110102********0268") && !dump.output.contains("110102196104170268"),
                "\(dump.output.suffix(500))\(dump.error)")
        let status = try SSCardProcess.run(["status"] + second)
        #expect(status.output.contains("日志：PostgreSQL") && status.output.contains("时间线 1"), "\(status.output)\(status.error)")
        // The test server commits without a standby: a warning, said with its reason.
        #expect(status.status == 1 && status.output.contains("synchronous_standby_names 为空"), "\(status.output)")
        #expect(status.output.contains("正在运行的其他 sscard 进程：0\n"), "\(status.output)")
        try expectStatusCountsAClerkAtTheOtherSite(clerk: first, status: second)
        let backup = try SSCardProcess.run(["backup", "--to", directory + "/backup"] + second)
        #expect(backup.status == 2 && backup.error.contains("pg_basebackup"), "\(backup.error)")
        let recover = try SSCardProcess.run(["journal", "recover"] + second)
        #expect(recover.status == 2 && recover.error.contains("PostgreSQL"), "\(recover.error)")
        let secret = try SSCardProcess.run(["index", "verify", "--journal", "postgresql://sscard:pw@localhost/x"] + second)
        #expect(secret.status != 0 && secret.error.contains("pgpass"), "\(secret.error)")
    }

    /// A clerk waiting at the first site's login screen is one process with a session on the
    /// journal: the second site's status counts it, by the host it runs on.
    func expectStatusCountsAClerkAtTheOtherSite(clerk: [String], status: [String]) throws {
        try SSCardProcess.withClerkAtLogin(clerk) { _ in
            var buffer = [CChar](repeating: 0, count: 256)
            gethostname(&buffer, 255)
            let line = "正在运行的其他 sscard 进程：1（\(String(cString: buffer)) 1 个）"
            let deadline = ContinuousClock.now + .seconds(30)
            var last = ""
            while ContinuousClock.now < deadline {
                last = try SSCardProcess.run(["status"] + status).output
                if last.contains(line) { break }
                usleep(100_000)
            }
            #expect(last.contains(line), "\(last)")
        }
    }

    /// A deployment that starts on PostgreSQL: setup makes the first administrator in the
    /// shared journal, refuses a second time, and another site sees the account.
    @Test func setupOnPostgreSQLMakesTheFirstAdministratorForEverySite() throws {
        let cluster = try PostgresTestCluster.shared.get()
        let url = cluster.url(database: try cluster.freshDatabase())
        let directory = try SSCardProcess.temporaryDirectory()
        #expect(try SSCardProcess.run(["journal", "init-postgres", url]).status == 0)
        let setup = try SSCardProcess.run(["setup", "--journal", url, "--data-dir", directory + "/a"],
                                          input: "boss\n系统管理员\nKq7#mZp2vL\nKq7#mZp2vL\n")
        #expect(setup.status == 0, "\(setup.error)")
        let again = try SSCardProcess.run(["setup", "--journal", url, "--data-dir", directory + "/b"],
                                          input: "boss2\n管理员\nKq7#mZp2vL\nKq7#mZp2vL\n")
        #expect(again.status == 2 && again.error.contains("已经有日志"), "\(again.error)")
        let listed = try SSCardProcess.run(["accounts", "list", "--data-dir", directory + "/b"], environment: ["SSCARD_JOURNAL": url])
        #expect(listed.status == 0 && listed.output.contains("boss"), "\(listed.output)\(listed.error)")
    }

    /// After `setup --journal URL` every later command on that directory uses the shared
    /// journal without naming it (the printed next steps name none), and a directory that has
    /// been a site never quietly starts a local journal when the name is missing.
    @Test func setupRemembersTheSharedJournalAndASiteNeverStartsALocalOne() throws {
        let cluster = try PostgresTestCluster.shared.get()
        let url = cluster.url(database: try cluster.freshDatabase())
        let other = cluster.url(database: try cluster.freshDatabase())
        let directory = try SSCardProcess.temporaryDirectory()
        let site = directory + "/a"
        for journal in [url, other] { #expect(try SSCardProcess.run(["journal", "init-postgres", journal]).status == 0) }
        let setup = try SSCardProcess.run(["setup", "--journal", url, "--data-dir", site], input: "boss\n系统管理员\nKq7#mZp2vL\nKq7#mZp2vL\n")
        #expect(setup.status == 0 && setup.output.contains("以后的命令不必再指定"), "\(setup.output)\(setup.error)")
        let config = try FileManager.default.attributesOfItem(atPath: site + "/config.json")
        #expect((config[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: site + "/config.json", encoding: .utf8) == #"{"journal":"\#(url)"}"# + "\n")

        // The next step, as printed: no --journal, and it lands in the shared journal.
        let added = try SSCardProcess.run(["accounts", "add", "--username", "houtai01", "--role", "backoffice", "--name", "李娜",
                                           "--password-to", directory + "/houtai01.txt", "--data-dir", site])
        #expect(added.status == 0, "\(added.error)")
        #expect(!FileManager.default.fileExists(atPath: site + "/journal"), "no local journal beside the shared one")
        let elsewhere = try SSCardProcess.run(["accounts", "list", "--data-dir", directory + "/b"], environment: ["SSCARD_JOURNAL": url])
        #expect(elsewhere.output.contains("houtai01"), "\(elsewhere.output)\(elsewhere.error)")

        // Another site is told how to join instead of being set up again.
        let second = try SSCardProcess.run(["setup", "--journal", url, "--data-dir", directory + "/c"], input: "x\n")
        #expect(second.status == 2 && second.error.contains("作为新站点") && second.error.contains("config.json"), "\(second.error)")
        // A configuration naming one journal is not quietly pointed at another.
        let conflicting = try SSCardProcess.run(["setup", "--journal", other, "--data-dir", site], input: "x\n")
        #expect(conflicting.status == 2 && conflicting.error.contains("已指定另一个日志"), "\(conflicting.error)")

        // Without its configuration the site refuses, and creates nothing.
        try FileManager.default.removeItem(atPath: site + "/config.json")
        let unnamed = try SSCardProcess.run(["accounts", "list", "--data-dir", site])
        #expect(unnamed.status == 2 && unnamed.error.contains("没有指定日志"), "\(unnamed.output)\(unnamed.error)")
        let app = try SSCardProcess.run(["--plain", "--channel", "counter", "--data-dir", site], input: "q\n")
        #expect(app.status == 2 && app.error.contains("没有指定日志"), "\(app.output)\(app.error)")
        #expect(!FileManager.default.fileExists(atPath: site + "/journal"))
    }
}
