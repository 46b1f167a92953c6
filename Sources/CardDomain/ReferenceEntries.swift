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

/// 职业: an entry of GB/T 2261.4 (DECISIONS.md D7); code 80 is 退（离）休人员.
public struct Occupation: Codable, Equatable, Hashable, Sendable {
    public static let retiredCode = "80"
    public var code: String
    public var name: String
}

/// 国籍: an ISO 3166-1 (GB/T 2659) country, by its alpha-3 code.
public struct Country: Codable, Equatable, Hashable, Sendable {
    public static let chinaCode = "CHN"
    public var alpha3: String
    public var name: String
    public var englishName: String
}

/// 办卡网点: a branch of a cooperating bank in one district. The shipped list is sample data.
public struct Branch: Codable, Equatable, Hashable, Sendable {
    public var code: String
    public var bank: String
    /// The district's GB/T 2260 code.
    public var district: String
    public var name: String
    /// Where to collect a card; optional because the seeds give no branch addresses, and a
    /// deployment fills them in from the bank's list.
    public var address: String?
}

/// A text shown for consent (免责声明, 承诺, 访问授权); `placeholder` until the bureau's wording arrives.
public struct PolicyText: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var placeholder: Bool
    public var body: [String]
}
