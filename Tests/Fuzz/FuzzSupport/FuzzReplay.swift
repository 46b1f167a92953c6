import Foundation

/// A fuzz target built without libFuzzer: runs its one-input function over every file
/// named on the command line, or in a folder named there. The test suite replays the seed
/// corpus and every saved crash this way, so a fixed bug stays fixed.
public enum FuzzReplay {
    public static func run(_ body: ([UInt8]) -> Void) {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("no such input: \(argument)\n".utf8))
                exit(2)
            }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 }
                : [argument]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                body(Array(data))
                count += 1
            }
        }
        print("replayed \(count) inputs")
    }
}
