import Foundation
import JournalTestSupport
import SystemPackage

/// Runs the real `sscard` binary, built beside this test bundle, and collects what it says.
enum SSCardProcess {
    struct Run {
        var status: Int32
        var output: String
        var error: String
        /// The signal that ended it, when one did.
        var signal: Int32? = nil
    }

    /// The sscard binary built beside this test bundle.
    static var executable: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("sscard")
    }

    /// Runs the built sscard, or with `executable` that program (strace, to wrap sscard).
    /// Runs sscard (or `executable`) to its end; `input` is its standard input, else none.
    static func run(_ arguments: [String], executable: String? = nil, input: String? = nil,
                    environment: [String: String] = [:]) throws -> Run {
        let selfDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? selfDirectory.appendingPathComponent("sscard")
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe()
        let error = Pipe()
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        process.standardOutput = output
        process.standardError = error
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Read stderr on another thread so that neither pipe can fill and block the child.
        nonisolated(unsafe) var err = Data()
        let done = DispatchSemaphore(value: 0)
        let readerDone = Thread {
            err = error.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        readerDone.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                   error: String(decoding: err, as: UTF8.self),
                   signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil)
    }

    /// Runs `body` while a clerk's plain-mode process waits at the login with `arguments`,
    /// holding the journal open as a clerk does; the clerk is ended after.
    static func withClerkAtLogin<T>(_ arguments: [String], _ body: (Process) throws -> T) throws -> T {
        let clerk = Process()
        clerk.executableURL = executable
        clerk.arguments = ["--plain", "--channel", "counter"] + arguments
        let input = Pipe()
        clerk.standardInput = input
        clerk.standardOutput = FileHandle.nullDevice
        clerk.standardError = FileHandle.nullDevice
        try clerk.run()
        defer {
            try? input.fileHandleForWriting.close()
            clerk.terminate()
            clerk.waitUntilExit()
        }
        return try body(clerk)
    }

    /// A fresh private temporary directory.
    static func temporaryDirectory() throws -> String {
        try TemporaryFolder.make("sscard-cli-test")
    }
}
