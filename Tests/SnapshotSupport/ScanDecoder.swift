import Foundation

/// Reads a QR symbol off a screen the way a phone would: the screen's cells are drawn as a
/// grey image (a cell 4 pixels wide and 8 high, "▀ ▄ █" as their halves) and decoded by
/// zbarimg (Debian zbar-tools), a decoder no one here wrote.
public enum ScanDecoder {
    /// One terminal cell: its character, and whether its ink is dark on a light ground
    /// (a scan code's tone, or reverse video on a light-on-dark terminal) or light on dark.
    public struct Cell: Sendable {
        public let character: Character
        public let darkInk: Bool

        public init(_ character: Character, darkInk: Bool) {
            self.character = character
            self.darkInk = darkInk
        }
    }

    static let cellWidth = 4
    static let cellHeight = 8

    /// What zbarimg read, without its "QR-Code:" prefix; empty when it found nothing.
    public static func decode(_ rows: [[Cell]]) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID().uuidString).pgm")
        try pgm(rows).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The screen as a binary PGM image: 0 black, 255 white.
    static func pgm(_ rows: [[Cell]]) -> Data {
        let columns = rows.map(\.count).max() ?? 0
        let width = columns * cellWidth
        let height = rows.count * cellHeight
        var pixels = [UInt8](repeating: 0, count: width * height)
        for (row, cells) in rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                let ink: UInt8 = cell.darkInk ? 0 : 255
                let ground: UInt8 = cell.darkInk ? 255 : 0
                for y in 0..<cellHeight {
                    let inked: Bool
                    switch cell.character {
                    case "█": inked = true
                    case "▀": inked = y < cellHeight / 2
                    case "▄": inked = y >= cellHeight / 2
                    default: inked = false
                    }
                    let start = (row * cellHeight + y) * width + column * cellWidth
                    for x in 0..<cellWidth { pixels[start + x] = inked ? ink : ground }
                }
            }
        }
        return Data("P5\n\(width) \(height)\n255\n".utf8) + Data(pixels)
    }
}
