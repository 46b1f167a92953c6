import Foundation

/// Private folders under /tmp for tests that run the real binary or a real journal, removed
/// when the test process exits: a journal preallocates its segment, so each left behind
/// would keep tens of megabytes, and repeated test runs would fill the disk.
public enum TemporaryFolder {
    nonisolated(unsafe) private static var made: [String] = []
    private static let lock = NSLock()
    private static let removal: Void = { atexit { TemporaryFolder.removeAll() } }()

    /// A new folder `/tmp/<prefix>-XXXXXX` (mkdtemp, so 0700), removed at exit.
    public static func make(_ prefix: String) throws -> String {
        _ = removal
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard let pointer = mkdtemp(&template) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let path = String(cString: pointer)
        lock.withLock { made.append(path) }
        return path
    }

    static func removeAll() {
        let paths = lock.withLock { made }
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }
}
