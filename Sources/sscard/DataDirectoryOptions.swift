import ArgumentParser
import CardStore
import Foundation
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
}
