/// 性别 as GB/T 2261.1 codes it: 1 男, 2 女.
public enum Sex: Int, Codable, Equatable, Sendable {
    case male = 1
    case female = 2

    public var label: String { self == .male ? "男" : "女" }
}
