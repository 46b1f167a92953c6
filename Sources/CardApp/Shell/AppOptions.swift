import CardDomain

/// How this session was started: the channel profile and the modes of issue 4.
public struct AppOptions: Equatable, Sendable {
    public var channel: Channel
    /// No way out to a shell; an idle session resets itself.
    public var kiosk: Bool
    /// 长者版: more space, prominent headings, no time pressure.
    public var elder: Bool
    /// Where the photo picker opens.
    public var photoDirectory: String
    /// The print spooler's destination for receipts (lp -d); none keeps them as PDF files.
    public var printer: String?
    /// How a login code's QR symbol may be drawn on this terminal (its probe, or SSCARD_QR).
    public var scanCode: ScanCodeDrawing

    public init(channel: Channel, kiosk: Bool = false, elder: Bool = false, photoDirectory: String = "/",
                printer: String? = nil, scanCode: ScanCodeDrawing = .halfBlocks) {
        self.channel = channel
        self.kiosk = kiosk
        self.elder = elder
        self.photoDirectory = photoDirectory
        self.printer = printer
        self.scanCode = scanCode
    }
}
