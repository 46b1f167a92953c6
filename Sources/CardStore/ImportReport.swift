import CardDomain
import Foundation
import SystemPackage

/// The rejected rows of an import as CSV (line, field, reason), escaped for a terminal. It
/// names rows of personal data, so it is only ever a PrivateFile: 0600, never through a link.
public enum ImportReport {
    public static func csv(_ rejections: [RecordsImporter.Rejection]) -> String {
        var text = "line,field,reason\n"
        for rejection in rejections {
            text += "\(rejection.line),\(CSVTable.quote(TerminalText.escaped(rejection.field))),"
                + "\(CSVTable.quote(TerminalText.escaped(rejection.reason)))\n"
        }
        return text
    }

    /// Writes the report under the data directory's reports/ (0700) and answers its path.
    public static func write(_ rejections: [RecordsImporter.Rejection], kind: ImportJob.Kind, under data: DataDirectory,
                             at now: Int64) throws -> String {
        let folder = data.root.appending("reports")
        if !FileManager.default.fileExists(atPath: folder.string) {
            try FileManager.default.createDirectory(atPath: folder.string, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        }
        let stamp = BeijingTime.dateTime(microseconds: now).filter(\.isNumber) + Int((now / 1_000_000) % 60).zeroPadded(2)
        let base = "import-\(kind == .persons ? "persons" : "units")-\(stamp)"
        // Never over an earlier report: a second import in the same second gets the next number.
        for attempt in 1...100 {
            let name = base + (attempt == 1 ? "" : "-\(attempt)") + "-rejected.csv"
            let path = folder.appending(name).string
            if FileManager.default.fileExists(atPath: path) { continue }
            let file = try PrivateFile.create(path, overwrite: false, what: "报告文件")
            defer { file.close() }
            try file.write(csv(rejections))
            return path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        }
        throw PrivateFile.Problem(description: "报告文件夹 \(folder.string) 中同名文件过多")
    }
}
