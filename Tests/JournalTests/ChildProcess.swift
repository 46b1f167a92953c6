import Foundation
import Testing

/// Runs a product of this package (the real binary) as a child process.
enum ChildProcess {
    /// The built executable `name`, beside the test bundle or in .build/debug.
    static func executable(_ name: String) throws -> URL {
        let selfDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            selfDirectory.appendingPathComponent(name),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug/\(name)"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ChildFailure("no built \(name) found in \(candidates.map(\.path))")
        }
        return found
    }

    /// Starts the built product `name`, or with `absolute` the program at that path.
    static func start(_ name: String, _ arguments: [String], absolute: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = absolute ? URL(fileURLWithPath: name) : try executable(name)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Polls `condition` until it holds or `seconds` pass; never a fixed sleep.
    static func waitUntil(seconds: Double, _ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(2_000)
        }
        return try condition()
    }

    /// The sequence numbers in an acknowledgement log (complete lines only).
    static func acknowledged(_ path: String) -> [UInt64] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if !text.hasSuffix("\n") { lines.removeLast() }  // a line cut by the kill was never acknowledged
        return lines.compactMap { UInt64($0) }
    }
}

struct ChildFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
