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
        return FileEntry(name: name, isDirectory: false, size: size, dimensions: "\(header.size)", verdict: verdict(size: size, header: header))
    }

    /// A short verdict for the list, as SCREENS.md sketches it; the actual values are in
    /// the columns beside it, and the full message comes when the file is chosen.
    private func verdict(size: Int, header: ImageHeader) -> String {
        if let exact = requirement.exactSize, header.size != exact { return "尺寸应为 \(exact)" }
        if let minimum = requirement.minimumSize, !header.size.covers(minimum) { return "尺寸至少 \(minimum)" }
        if size < requirement.minimumBytes || size > requirement.maximumBytes { return "文件大小不符" }
        return "可用"
    }
}
