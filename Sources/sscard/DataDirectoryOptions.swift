import ArgumentParser
import CardStore
import Foundation
import Journal
import SystemPackage

/// `--data-dir DIR`, shared by every command; defaults to $SSCARD_HOME or ~/.local/share/sscard.
struct DataDirectoryOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: ArgumentHelp("The data directory.", valueName: "DIR"))
    var dataDirectory: String?

    func resolved() -> FilePath {
        if let dataDirectory { return FilePath(dataDirectory) }
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["SSCARD_HOME"], !home.isEmpty { return FilePath(home) }
        let userHome = environment["HOME"] ?? NSHomeDirectory()
        return FilePath(userHome).appending(".local/share/sscard")
    }

    var data: DataDirectory { DataDirectory(resolved()) }

    /// The journal folder, or exit 2 with a message when there is none to read.
    func existingJournal() throws -> FilePath {
        let directory = data.journal
        var standardError = StandardError()
        // Permission denied is said as such, not as "no journal".
        if let refusal = PathSafety.problem(at: resolved(), what: "数据目录") ?? PathSafety.problem(at: directory, what: "日志文件夹") {
            print("sscard: \(refusal)", to: &standardError)
            throw ExitCode(1)
        }
        guard SystemFileIO().exists(directory) else {
            print("sscard: no journal at \(directory.string)", to: &standardError)
            throw ExitCode(2)
        }
        return directory
    }
}
