import Foundation
import SystemPackage

/// Puts a receipt on paper: the PDF is always kept in `directory` (0700, the file 0600),
/// then, when the deployment names a printer, handed to the print spooler with
/// `lp -d PRINTER`. Without a printer the PDF is the receipt: the clerk prints or mails it.
public struct ReceiptPrinter: Sendable {
    public enum Outcome: Equatable, Sendable {
        /// Queued on the printer; `job` is what lp answered ("request id is ...").
        case printed(printer: String, file: String, job: String)
        case saved(file: String)
        /// The PDF was kept, but the spooler refused it; `reason` is lp's own words.
        case notPrinted(file: String, reason: String)
    }

    public var directory: FilePath
    public var printer: String?
    /// The spooler's command: `lp` on the PATH, replaceable for tests and for deployments.
    public var spooler: String

    public init(directory: FilePath, printer: String?, spooler: String = "lp") {
        self.directory = directory
        self.printer = printer.flatMap { $0.isEmpty ? nil : $0 }
        self.spooler = spooler
    }

    public func print(_ pdf: [UInt8], named name: String, title: String) throws -> Outcome {
        let file = try save(pdf, named: name)
        guard let printer else { return .saved(file: file.string) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [spooler, "-d", printer, "-t", title, "--", file.string]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            return .notPrinted(file: file.string, reason: "无法启动打印命令 \(spooler)：\(error)")
        }
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaint = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = complaint.split(separator: "\n").first.map(String.init) ?? "退出码 \(process.terminationStatus)"
            return .notPrinted(file: file.string, reason: reason)
        }
        return .printed(printer: printer, file: file.string, job: said.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Writes the PDF under a new name, synced, never through a symbolic link.
    private func save(_ pdf: [UInt8], named name: String) throws -> FilePath {
        if mkdir(directory.string, 0o700) != 0, errno != EEXIST { throw Errno(rawValue: errno) }
        let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        let file = directory.appending(safe + ".pdf")
        let descriptor = try FileDescriptor.open(file, .writeOnly, options: [.create, .truncate, .noFollow],
                                                 permissions: [.ownerReadWrite])
        defer { try? descriptor.close() }
        try descriptor.writeAll(pdf)
        guard fsync(descriptor.rawValue) == 0 else { throw Errno(rawValue: errno) }
        return file
    }
}
