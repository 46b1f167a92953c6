/// 领卡方式, with the codes of ACA018 (DOMAIN.md B.9.4). Each channel labels them its own way.
public enum PickupMethod: String, Codable, CaseIterable, Sendable {
    /// 个人网点领卡 / 本人网点领取 / 网点自取
    case branchPickup
    /// 银行邮寄 / 银行网点邮寄
    case bankMail
    /// 单位代领
    case unitCollects

    public var code: Int {
        switch self {
        case .branchPickup: return 1
        case .bankMail: return 2
        case .unitCollects: return 3
        }
    }

    public var defaultLabel: String {
        switch self {
        case .branchPickup: return "个人网点领卡"
        case .bankMail: return "银行邮寄"
        case .unitCollects: return "单位代领"
        }
    }
}
