import Foundation
import Journal
import SystemPackage

/// Checks a backup folder without restoring it (`sscard backup --verify`, and before every
/// restore): the manifest reads, its segments follow one another from sequence 1 to its
/// last, and every file is there, long enough, and has the SHA-256 the manifest says. Each
/// problem names its file.
public struct BackupVerifier {
    let folder: FilePath
    let io: any FileIO

    public init(folder: FilePath, io: any FileIO = SystemFileIO()) {
        self.folder = folder
        self.io = io
    }

    /// The manifest, or why there is none to trust.
    public func manifest() throws -> BackupManifest {
        let path = folder.appending(BackupManifest.fileName)
        guard io.isRegularFile(path) else { throw BackupProblem("\(path.string) 不存在：这不是 sscard 备份文件夹，或备份没有完成") }
        do {
            let manifest = try BackupManifest.read(from: URL(fileURLWithPath: folder.string))
            guard manifest.format == BackupManifest.currentFormat else {
                throw BackupProblem("\(BackupManifest.fileName) 的格式版本为 \(manifest.format)，本程序只认 \(BackupManifest.currentFormat)")
            }
            return manifest
        } catch let problem as BackupProblem {
            throw problem
        } catch {
            throw BackupProblem("\(BackupManifest.fileName) 无法解析（\(error)）：清单已损坏")
        }
    }

    /// Every problem found; empty when the backup is whole. `only` limits the digests to
    /// these paths (the rest are checked for presence and size), for a backup checking what it just wrote.
    public func problems(digesting only: Set<String>? = nil) -> [String] {
        let manifest: BackupManifest
        do { manifest = try self.manifest() } catch { return ["\(error)"] }
        return problems(against: manifest, digesting: only)
    }

    /// The same checks against a manifest not yet written (a backup's, before it is renamed into place).
    func problems(against manifest: BackupManifest, digesting only: Set<String>? = nil) -> [String] {
        var problems: [String] = []
        var expected: UInt64 = 1
        let files = BackupFiles(io: io)
        for segment in manifest.segments {
            let extent = segment.extent
            let relative = "journal/" + extent.name
            if extent.firstSequence != expected {
                problems.append("\(relative)：应从第 \(expected) 条记录开始，清单写的是第 \(extent.firstSequence) 条（缺少一个段？）")
            }
            expected = extent.lastSequence + 1
            problems += check(relative, length: extent.length, sha256: segment.sha256, digest: only.map { $0.contains(relative) } ?? true, files)
        }
        if expected - 1 != manifest.lastSequence {
            problems.append("\(BackupManifest.fileName)：最后一条记录应为第 \(manifest.lastSequence) 条，各段只到第 \(expected - 1) 条")
        }
        for file in manifest.files {
            problems += check(file.path, length: file.size, sha256: file.sha256, digest: only.map { $0.contains(file.path) } ?? true, files)
        }
        // A segment in the folder that the manifest does not list would be restored by nobody: say so.
        let listed = Set(manifest.segments.map(\.extent.name))
        let present = (try? io.listDirectory(folder.appending("journal"))) ?? []
        for name in present.sorted() where name.hasSuffix(".seg") && !listed.contains(name) {
            problems.append("journal/\(name)：清单中没有这个段")
        }
        return problems
    }

    private func check(_ relative: String, length: Int64, sha256: String, digest: Bool, _ files: BackupFiles) -> [String] {
        let path = folder.appending(relative)
        guard io.isRegularFile(path) else { return ["\(relative)：文件缺失"] }
        do {
            let file = try io.openFile(path, create: false, writable: false)
            let size = try io.size(file)
            io.close(file)
            guard size >= length else { return ["\(relative)：被截断，应至少 \(length) 字节，实际 \(size) 字节"] }
            guard digest else { return [] }
            return try files.digest(path, length: length).sha256 == sha256 ? []
                : ["\(relative)：内容与清单不符（SHA-256 不同），文件已被改动或损坏"]
        } catch {
            return ["\(relative)：无法读取（\(error)）"]
        }
    }
}
