import CardDomain
import Foundation
import TerminalUI

/// The file picker's view of a real directory: sub-directories, and files with their size,
/// the pixel size read from their header, and whether they fit the photo's rules (D8).
/// Hidden files are left out; files that are not JPEG or PNG are not shown.
struct PhotoDirectoryListing: DirectoryListing {
    let requirement: PhotoRequirement

    func entries(in directory: String) throws -> [FileEntry] {
        let manager = FileManager.default
        return try manager.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.map { name in
            let path = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return FileEntry(name: name, isDirectory: false, isShown: false)
            }
            if isDirectory.boolValue { return FileEntry(name: name, isDirectory: true) }
            return entry(name: name, path: path)
        }
    }

    private func entry(name: String, path: String) -> FileEntry {
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return FileEntry(name: name, isDirectory: false, size: size, dimensions: "-", verdict: "无法读取")
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: ImageHeader.bytesNeeded)) ?? Data())
        let check = requirement.check(fileSize: size, head: head)
        guard let header = check.header else {
            return FileEntry(name: name, isDirectory: false, size: size, dimensions: "-", verdict: "不是图片", isShown: false)
        }
        let verdict = check.problems.first.map { $0.message } ?? "可用"
        return FileEntry(name: name, isDirectory: false, size: size, dimensions: "\(header.size)", verdict: verdict)
    }
}
