import CQRencode

/// A QR symbol's modules, made by libqrencode: `size` by `size`, dark or light, without
/// the quiet zone (the drawing adds it).
public struct QRMatrix: Equatable, Sendable {
    public let version: Int
    public let size: Int
    private let dark: [Bool]

    /// Encodes `text` at error-correction level M in the smallest version that holds it;
    /// nil only if libqrencode fails (out of memory, or text too long for any version).
    public init?(encoding text: String) {
        guard let symbol = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(symbol) }
        let size = Int(symbol.pointee.width)
        version = Int(symbol.pointee.version)
        self.size = size
        // Bit 0 of each byte is the module's colour; the other bits are libqrencode's own notes.
        dark = (0..<size * size).map { symbol.pointee.data[$0] & 1 == 1 }
    }

    /// Whether the module at `row`, `column` is dark; outside the symbol is the light quiet zone.
    public func isDark(row: Int, column: Int) -> Bool {
        guard (0..<size).contains(row), (0..<size).contains(column) else { return false }
        return dark[row * size + column]
    }
}
