import Foundation
import JournalTestSupport
import Testing

/// A site whose pgpass file lacks the journal's password is told which line to add, at once:
/// not "the server is away", which a clerk's terminal would wait out for ever. The line it
/// names, once added, is the one that lets the site in.
@Suite struct MissingPasswordCLITests {
    @Test func aMissingPasswordNamesTheLineToAddAndThatLineLetsTheSiteIn() throws {
        let cluster = try PostgresTestCluster.shared.get()
        let database = try cluster.freshDatabase()
        let role = PostgresTestCluster.passwordRole
        try cluster.sql("DO $$ BEGIN CREATE ROLE \(role) LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        try cluster.sql("ALTER ROLE \(role) PASSWORD 'Pw-Journal-2026'")
        #expect(try SSCardProcess.run(["journal", "init-postgres", cluster.url(database: database), "--app-role", role]).status == 0)
        let url = cluster.url(database: database, user: role)
        let directory = try SSCardProcess.temporaryDirectory()
        let pgpass = directory + "/pgpass"
        FileManager.default.createFile(atPath: pgpass, contents: Data(), attributes: [.posixPermissions: 0o600])
        let environment = ["PGPASSFILE": pgpass]
        let line = "\(cluster.folder):\(cluster.port):\(database):\(role):PASSWORD"

        let verify = try SSCardProcess.run(["journal", "verify", "--journal", url, "--data-dir", directory + "/site"], environment: environment)
        #expect(verify.status != 0 && verify.error.contains("refused the login") && verify.error.contains(line), "\(verify.error)")
        let clerk = try SSCardProcess.run(["--plain", "--channel", "counter", "--journal", url, "--data-dir", directory + "/site"],
                                          input: "q\n", environment: environment)
        #expect(clerk.status == 1 && clerk.error.contains("pgpass 文件里没有") && !clerk.error.contains("连不上日志服务器"),
                "\(clerk.output)\(clerk.error)")

        try (line.replacingOccurrences(of: "PASSWORD", with: "Pw-Journal-2026") + "\n").write(toFile: pgpass, atomically: false, encoding: .utf8)
        let again = try SSCardProcess.run(["journal", "verify", "--journal", url, "--data-dir", directory + "/site"], environment: environment)
        #expect(again.status == 0, "\(again.output)\(again.error)")
    }
}
