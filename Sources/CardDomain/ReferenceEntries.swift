/// 常住地所在区: one of Beijing's 16 districts (GB/T 2260).
public struct District: Codable, Equatable, Hashable, Sendable {
    public var code: String
    public var name: String
    public var postalCodeExample: String
}

/// 民族: one of the 56 ethnic groups (GB/T 3304).
public struct EthnicGroup: Codable, Equatable, Hashable, Sendable {
    public var code: String
    public var name: String
    public var romanization: String
    public var letterCode: String
}

/// A cooperating bank that issues the card (合作银行).
public struct Bank: Codable, Equatable, Hashable, Sendable {
    public var name: String
    public var shortName: String?
    public var categoryCode: String
    public var headOfficeNumber: String
}
