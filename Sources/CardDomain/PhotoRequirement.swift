/// What an uploaded photo must be (DECISIONS.md D8). The two presets are the decision's
/// numbers; they move to Resources/ with the rest of the policy data.
public struct PhotoRequirement: Equatable, Sendable {
    public var label: String
    public var minimumBytes: Int
    public var maximumBytes: Int
    /// Exactly this size, when set.
    public var exactSize: PixelSize?
    /// At least this size, when set.
    public var minimumSize: PixelSize?

    public static let cardPhoto = PhotoRequirement(
        label: "制卡照片", minimumBytes: 20_480, maximumBytes: 9_175_040, exactSize: PixelSize(width: 358, height: 441), minimumSize: nil)
    public static let idCardSide = PhotoRequirement(
        label: "身份证照片", minimumBytes: 20_480, maximumBytes: 9_175_040, exactSize: nil, minimumSize: PixelSize(width: 300, height: 180))

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
