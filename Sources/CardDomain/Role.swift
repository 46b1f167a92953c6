/// Who is acting. A clerk acts for a person (代办) and is recorded as doing so.
public enum Role: String, Codable, CaseIterable, Equatable, Sendable {
    case person = "个人"
    case unitOperator = "单位经办人"
    case counterClerk = "窗口经办"
    case backOffice = "后台制卡审核"
    case administrator = "管理员"

    /// The bureau's own people: their screens show anyone's records.
    public var isStaff: Bool { self == .counterClerk || self == .backOffice || self == .administrator }
}
