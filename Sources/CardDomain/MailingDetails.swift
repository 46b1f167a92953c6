/// Where the bank mails the card (银行邮寄). Which of these a channel asks for is data
/// (channels.json); 京通 and the counter also ask for the district and postal code.
public struct MailingDetails: Codable, Equatable, Sendable {
    public var recipientName: String
    public var recipientPhone: String
    /// GB/T 2260 district code, when the channel asks for it.
    public var district: String?
    public var postalCode: String?
    public var address: String

    public init(recipientName: String, recipientPhone: String, district: String? = nil,
                postalCode: String? = nil, address: String) {
        self.recipientName = recipientName
        self.recipientPhone = recipientPhone
        self.district = district
        self.postalCode = postalCode
        self.address = address
    }
}
