import Foundation

/// The text of a PDF as poppler's pdftotext reads it (Debian poppler-utils, installed by
/// scripts/ensure-deps): what a reader, or a printer driver, gets from the file.
public enum PDFText {
    struct Failed: Error, CustomStringConvertible { let description: String }

    public static func of(file: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-layout", file, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failed(description: "pdftotext exited \(process.terminationStatus)") }
        return text
    }
}
