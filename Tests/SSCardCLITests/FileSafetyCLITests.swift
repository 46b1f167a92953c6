import Foundation
import Testing

/// Where sscard writes for people, and whose data directory it reads: a report goes to a
/// regular file only, and a directory of another user's is said to be so.
@Suite struct FileSafetyCLITests {
    let root: String

    init() throws {
        root = try SSCardProcess.temporaryDirectory() + "/data"
        _ = try SSCardProcess.run(["demo", "seed", "--data-dir", root])
    }

    /// As root, PrivateFile once changed /dev/full to 0600: a device, a FIFO or a socket is
    /// refused by name and left as it was (and a FIFO no longer blocks the command).
    @Test func aReportIsWrittenToARegularFileOnly() throws {
        let fifo = root + "/../report.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        for target in ["/dev/full", "/dev/null", fifo] {
            var before = stat()
            stat(target, &before)
            let run = try SSCardProcess.run(["unit", "report", "--unit", "10000002", "--data-dir", root, "--out", target, "--force"])
            var after = stat()
            stat(target, &after)
            #expect(run.status == 2 && run.error.contains("不是普通文件"), "\(target): \(run.error)")
            #expect(before.st_mode == after.st_mode, "\(target)'s mode was changed")
        }
    }

    /// Run as another user: the data directory is named as another user's, not "no journal".
    @Test func anotherUsersDataDirectoryIsSaidToBeSo() throws {
        for arguments in [["index", "verify"], ["--plain"], ["unit", "report", "--unit", "10000002"]] {
            let run = try SSCardProcess.run(["--reuid", "65534", "--regid", "65534", "--clear-groups", SSCardProcess.executable.path]
                                                + arguments + ["--data-dir", root], executable: "/usr/bin/setpriv")
            #expect(run.status == 1, "\(arguments): \(run.output)\(run.error)")
            #expect(run.error.contains("另一个用户") || run.error.contains("permission denied"), "\(arguments): \(run.error)")
            #expect(!run.error.contains("no journal") && !run.error.contains("mkdir failed"), "\(run.error)")
        }
    }
}
