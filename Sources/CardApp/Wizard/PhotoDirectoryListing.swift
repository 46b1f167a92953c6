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
/// described by what it points to. Files that are not JPEG or PNG are listed as "不是图片";
/// hidden files, FIFOs and devices are not listed.
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
        var entry = FileEntry(name: name, isDirectory: false, size: read.size, dimensions: "-", verdict: "不是图片",
                              displayName: shown)
        // One wording of sizes everywhere: the list says what the form and its messages say.
        entry.sizeLabel = PhotoRequirement.sizeText(read.size)
        // Files that are not pictures are listed with the reason, as SCREENS.md sketches.
        guard let header = check.header else { return entry }
        entry.dimensions = "\(header.size)"
        entry.verdict = verdict(size: read.size, header: header)
        return entry
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
