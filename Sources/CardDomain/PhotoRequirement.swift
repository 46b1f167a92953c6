/// What an uploaded photo must be (DECISIONS.md D8). The numbers are policy and live in
/// Resources/Data/photo-requirements.json.
public struct PhotoRequirement: Codable, Equatable, Sendable {
    /// cardPhoto, idCardFront or idCardBack.
    public var id: String
    public var label: String
    public var minimumBytes: Int
    public var maximumBytes: Int
    /// Exactly this size, when set.
    public var exactSize: PixelSize?
    /// At least this size, when set.
    public var minimumSize: PixelSize?
    /// At most this many pixels, checked from the header before anything is decoded.
    public var maximumPixels: Int?
    /// Whether a grey picture is refused (the card photo must be in colour).
    public var requiresColour: Bool?

    /// 25 megapixels: far above any ID card scan, small enough to decode in bounded memory.
    public static let defaultMaximumPixels = 25_000_000

    public init(id: String, label: String, minimumBytes: Int, maximumBytes: Int,
                exactSize: PixelSize? = nil, minimumSize: PixelSize? = nil) {
        self.id = id
        self.label = label
        self.minimumBytes = minimumBytes
        self.maximumBytes = maximumBytes
        self.exactSize = exactSize
        self.minimumSize = minimumSize
    }

    /// Checks a file of `fileSize` bytes whose leading bytes are `head`; every problem at once.
    public func check(fileSize: Int, head: [UInt8]) -> PhotoCheck {
        var problems: [FieldProblem] = []
        guard let header = ImageHeader.read(head) else {
            return PhotoCheck(header: nil, problems: [FieldProblem(field: label, message: "不是 JPG 或 PNG 图片，请选择照片文件")])
        }
        if fileSize < minimumBytes || fileSize > maximumBytes {
            problems.append(FieldProblem(field: label, message:
                "文件大小为 \(Self.sizeText(fileSize))，应在 \(Self.sizeText(minimumBytes)) 至 \(Self.sizeText(maximumBytes)) 之间"))
        }
        if let exact = exactSize, header.size != exact {
            problems.append(FieldProblem(field: label, message:
                "尺寸为 \(header.size)，应为 \(exact)"))
        }
        if let minimum = minimumSize, !header.size.covers(minimum) {
            problems.append(FieldProblem(field: label, message:
                "尺寸为 \(header.size)，应至少为 \(minimum)"))
        }
        if header.pixelCount > maximumPixels ?? Self.defaultMaximumPixels {
            problems.append(FieldProblem(field: label, message: "尺寸为 \(header.size)，像素过多，请缩小后再上传"))
        }
        return PhotoCheck(header: header, problems: problems)
    }

    /// "36 KB", "8.75 MB": sizes as the screens and the bureau's texts say them.
    public static func sizeText(_ bytes: Int) -> String {
        if bytes < 1_048_576 { return "\((bytes + 1023) / 1024) KB" }
        let hundredths = (bytes * 100 + 524_288) / 1_048_576
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return "\(whole) MB" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10) MB" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction) MB"
    }
}
