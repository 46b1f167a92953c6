import CardDomain
import CardStore
import Foundation
import TerminalUI

/// The file picker's view of a folder when 插入证书 is choosing the certificate: folders,
/// and the PEM files in them said to be a certificate or a key by their first bytes. As
/// with photos, only regular files are read, and hidden files and devices are not listed.
struct CertificateDirectoryListing: DirectoryListing {
    func entries(in directory: String) throws -> [FileEntry] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.map { name in
            let path = (directory as NSString).appendingPathComponent(name)
            let shown = TerminalText.escaped(name)
            switch RegularFile.kind(of: path) {
            case .directory:
                return FileEntry(name: name, isDirectory: true, displayName: shown)
            case .regular:
                guard case .success(let read) = RegularFile.read(path, limit: 4096) else {
                    return FileEntry(name: name, isDirectory: false, dimensions: "-", verdict: "无法读取", displayName: shown)
                }
                let head = String(decoding: read.bytes, as: UTF8.self)
                let verdict = head.contains("-----BEGIN CERTIFICATE-----") ? "证书" : head.contains("PRIVATE KEY-----") ? "密钥" : "不是证书"
                var entry = FileEntry(name: name, isDirectory: false, size: read.size, dimensions: "-", verdict: verdict,
                                      isShown: verdict != "不是证书", displayName: shown)
                entry.sizeLabel = PhotoRequirement.sizeText(read.size)
                return entry
            case .special, .missing:
                return FileEntry(name: name, isDirectory: false, dimensions: "-", verdict: "不是普通文件", isShown: false, displayName: shown)
            }
        }
    }
}
