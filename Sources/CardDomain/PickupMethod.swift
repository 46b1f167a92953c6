/// 领卡方式 (ACA018 in DOMAIN.md B.9.4 codes them 1, 2, 3 in this order). Each channel labels
/// them its own way (channels.json).
public enum PickupMethod: String, Codable, CaseIterable, Sendable {
    /// 个人网点领卡 / 本人网点领取 / 网点自取
    case branchPickup
    /// 银行邮寄 / 银行网点邮寄
    case bankMail
    /// 单位代领
    case unitCollects
}
