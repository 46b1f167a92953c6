import CardDomain
import CardStore
import Foundation
import TerminalUI

/// The file picker's view of a folder when an import is choosing its CSV: folders, and the
/// regular files ending in .csv or .txt with their sizes. Hidden files and devices are not listed.
struct CSVDirectoryListing: DirectoryListing {
    func entries(in directory: String) throws -> [FileEntry] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.compactMap { name in
            let path = (directory as NSString).appendingPathComponent(name)
            let shown = TerminalText.escaped(name)
            switch RegularFile.kind(of: path) {
            case .directory:
                return FileEntry(name: name, isDirectory: true, displayName: shown)
            case .regular:
                let lower = name.lowercased()
                guard lower.hasSuffix(".csv") || lower.hasSuffix(".txt") else { return nil }
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                var entry = FileEntry(name: name, isDirectory: false, size: size, dimensions: "-", verdict: "CSV", displayName: shown)
                entry.sizeLabel = PhotoRequirement.sizeText(size)
                return entry
            case .special, .missing:
                return nil
            }
        }
    }
}
