import Crypto
import Foundation
import Journal
import SystemPackage

/// Byte copies and digests for backups and restores, through the journal's FileIO seam so
/// tests can fail any write or sync. Files are created 0600; nothing is followed through a link.
struct BackupFiles {
    let io: any FileIO
    static let chunk = 1 << 20

    /// Copies bytes `range` of `source` to the same offsets of `target` (created when
    /// missing), then syncs it.
    func copy(_ source: FilePath, _ range: Range<Int64>, to target: FilePath) throws {
        let input = try io.openFile(source, create: false, writable: false)
        defer { io.close(input) }
        let output = try io.openFile(target, create: true, writable: true)
        defer { io.close(output) }
        var buffer = [UInt8](repeating: 0, count: Self.chunk)
        var offset = range.lowerBound
        while offset < range.upperBound {
            let wanted = Int(min(Int64(Self.chunk), range.upperBound - offset))
            let got = try buffer.withUnsafeMutableBytes { try io.readFully(input, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<wanted]), at: offset) }
            guard got == wanted else { throw BackupProblem("\(source.string) 在第 \(offset + Int64(got)) 字节处提前结束") }
            try buffer.withUnsafeBytes { try io.writeAll(output, UnsafeRawBufferPointer(rebasing: $0[..<got]), at: offset) }
            offset += Int64(got)
        }
        try io.syncAll(output)
    }

    /// SHA-256 of the first `length` bytes of `path` (all of it when nil), and its size.
    func digest(_ path: FilePath, length: Int64? = nil) throws -> (sha256: String, size: Int64) {
        let file = try io.openFile(path, create: false, writable: false)
        defer { io.close(file) }
        let size = try io.size(file)
        let end = length ?? size
        guard size >= end else { throw BackupProblem("\(path.lastComponent?.string ?? path.string) 被截断：应至少 \(end) 字节，实际 \(size) 字节") }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: Self.chunk)
        var offset: Int64 = 0
        while offset < end {
            let wanted = Int(min(Int64(Self.chunk), end - offset))
            let got = try buffer.withUnsafeMutableBytes { try io.readFully(file, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<wanted]), at: offset) }
            guard got == wanted else { throw BackupProblem("\(path.string) 读取不完整") }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<got])) }
            offset += Int64(got)
        }
        return (hasher.finalize().map { String(format: "%02x", $0) }.joined(), size)
    }

    /// Creates `path` and any missing parents, each 0700, syncing each new folder's parent.
    func makeFolders(_ path: FilePath) throws {
        try DataDirectory(path).create(io: io)
    }

    /// The regular files under `folder`, as paths relative to it, sorted; links and devices skipped.
    func regularFiles(under folder: FilePath, prefix: String = "") throws -> [String] {
        guard io.exists(folder) else { return [] }
        var found: [String] = []
        for name in try io.listDirectory(folder).sorted() where !name.hasPrefix(".") {
            let path = folder.appending(name)
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            if io.isRegularFile(path) {
                found.append(relative)
            } else if case .directory = RegularFile.kind(of: path.string) {
                found += try regularFiles(under: path, prefix: relative)
            }
        }
        return found
    }
}

/// Why a backup or a restore stopped, naming the file: nothing after it was written.
public struct BackupProblem: Error, Equatable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
