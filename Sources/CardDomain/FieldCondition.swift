/// When a wizard field shows, as huh shows a group: only while another field of the same
/// application has one of the given values (收件人… only while 领卡方式 is 银行邮寄).
/// Data in channels.json, evaluated by the wizard engine.
public struct FieldCondition: Codable, Equatable, Sendable {
    /// The field whose value decides.
    public var field: String
    /// The values for which the conditioned field shows.
    public var equals: [String]

    public init(field: String, equals: [String]) {
        self.field = field
        self.equals = equals
    }

    public func holds(for value: String?) -> Bool { value.map(equals.contains) ?? false }
}
