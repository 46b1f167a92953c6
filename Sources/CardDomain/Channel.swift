/// Where an application was made (DECISIONS.md D1): the three documented channels as screen
/// profiles, plus the counter, where a clerk applies on a person's behalf (代办).
public enum Channel: String, Codable, CaseIterable, Sendable {
    case web
    case jingtong
    case minsheng
    case counter

    public var label: String {
        switch self {
        case .web: return "网厅"
        case .jingtong: return "京通"
        case .minsheng: return "民生一卡通"
        case .counter: return "窗口"
        }
    }
}
