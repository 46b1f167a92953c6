import Foundation
import Testing

/// Every fuzz target, built without libFuzzer, replays its seed corpus and every input
/// that once crashed it (Tests/Fuzz/Regressions): a fixed crash stays fixed.
@Suite struct FuzzReplayTests {
    static let fuzzRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    @Test(arguments: ["JournalFuzzer", "CSVFuzzer", "ImageFuzzer", "JSONFuzzer", "IndexFuzzer"])
    func replaysItsCorpusAndEverySavedCrash(target: String) throws {
        let folders = ["Corpus", "Regressions"].map { Self.fuzzRoot.appendingPathComponent($0).appendingPathComponent(target).path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        let inputs = try folders.reduce(0) { $0 + (try FileManager.default.contentsOfDirectory(atPath: $1).count) }
        #expect(inputs >= 4, "a seed corpus is committed for \(target)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent(target)
        process.arguments = folders
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("replayed \(inputs) inputs"))
    }
}
