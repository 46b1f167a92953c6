import CardDomain
import CardStore
import Foundation
import TerminalUI

/// The file picker's view of a real directory: sub-directories, and files with their size,
/// the pixel size read from their header, and whether they fit the photo's rules (D8).
///
/// Only regular files are ever opened, non-blocking (`RegularFile`): a FIFO, a terminal or
/// a device, named anything, even behind a link, is listed as what it is and never read.
/// Names are shown with control characters escaped, and a link as "name -> target",
/// described by what it points to. Hidden files and files that are not JPEG or PNG are
/// not shown.
struct PhotoDirectoryListing: DirectoryListing {
    let requirement: PhotoRequirement

    func entries(in directory: String) throws -> [FileEntry] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.map { name in
            let path = (directory as NSString).appendingPathComponent(name)
            var shown = TerminalText.escaped(name)
            if let target = RegularFile.linkTarget(of: path) { shown += " -> " + TerminalText.escaped(target) }
            switch RegularFile.kind(of: path) {
            case .directory:
                return FileEntry(name: name, isDirectory: true, displayName: shown)
            case .regular:
                return entry(name: name, path: path, shown: shown)
            case .special:
                return FileEntry(name: name, isDirectory: false, dimensions: "-", verdict: "不是普通文件", isShown: false,
                                 displayName: shown)
            case .missing:
                return FileEntry(name: name, isDirectory: false, dimensions: "-", verdict: "链接无效", isShown: false,
                                 displayName: shown)
            }
        }
    }

    private func entry(name: String, path: String, shown: String) -> FileEntry {
        guard case .success(let read) = RegularFile.read(path, limit: ImageHeader.bytesNeeded) else {
            return FileEntry(name: name, isDirectory: false, dimensions: "-", verdict: "无法读取", displayName: shown)
        }
        let check = requirement.check(fileSize: read.size, head: read.bytes)
        guard let header = check.header else {
            return FileEntry(name: name, isDirectory: false, size: read.size, dimensions: "-", verdict: "不是图片",
                             isShown: false, displayName: shown)
        }
        return FileEntry(name: name, isDirectory: false, size: read.size, dimensions: "\(header.size)",
                         verdict: verdict(size: read.size, header: header), displayName: shown)
    }

    /// A short verdict for the list, as SCREENS.md sketches it; the actual values are in
    /// the columns beside it, and the full message comes when the file is chosen (after
    /// the whole picture is decoded).
    private func verdict(size: Int, header: ImageHeader) -> String {
        if let exact = requirement.exactSize, header.size != exact { return "尺寸应为 \(exact)" }
        if let minimum = requirement.minimumSize, !header.size.covers(minimum) { return "尺寸至少 \(minimum)" }
        if size < requirement.minimumBytes || size > requirement.maximumBytes { return "文件大小不符" }
        return "可用"
    }
}
