/// Every list the rules consult, as one value: the core takes it as a parameter, so tests
/// and the app both use the shipped files (CardResources loads them) or their own.
public struct ReferenceData: Sendable {
    public var districts: [District]
    public var ethnicGroups: [EthnicGroup]
    public var banks: [Bank]
    public var branches: [Branch]
    public var occupations: [Occupation]
    public var countries: [Country]
    public var documentTypes: [DocumentType]
    public var channels: [ChannelProfile]
    public var texts: [PolicyText]
    public var photoRequirements: [PhotoRequirement]

    public init(districts: [District], ethnicGroups: [EthnicGroup], banks: [Bank], branches: [Branch],
                occupations: [Occupation], countries: [Country], documentTypes: [DocumentType],
                channels: [ChannelProfile], texts: [PolicyText], photoRequirements: [PhotoRequirement]) {
        self.districts = districts
        self.ethnicGroups = ethnicGroups
        self.banks = banks
        self.branches = branches
        self.occupations = occupations
        self.countries = countries
        self.documentTypes = documentTypes
        self.channels = channels
        self.texts = texts
        self.photoRequirements = photoRequirements
    }

    /// A district by its name (朝阳区) or code (110105).
    public func district(_ nameOrCode: String) -> District? {
        districts.first { $0.name == nameOrCode || $0.code == nameOrCode }
    }

    /// A 民族 by name (汉族, or 汉 without 族) or two-digit code.
    public func ethnicGroup(_ nameOrCode: String) -> EthnicGroup? {
        ethnicGroups.first { $0.name == nameOrCode || $0.code == nameOrCode || $0.name == nameOrCode + "族" }
    }

    public func bank(_ name: String) -> Bank? {
        banks.first { $0.name == name || $0.shortName == name }
    }

    /// A branch of `bank` by name or code.
    public func branch(_ nameOrCode: String, of bank: String) -> Branch? {
        branches.first { $0.bank == bank && ($0.name == nameOrCode || $0.code == nameOrCode) }
    }

    public func occupation(_ nameOrCode: String) -> Occupation? {
        occupations.first { $0.name == nameOrCode || $0.code == nameOrCode }
    }

    /// A country by alpha-3 code or Chinese name (中国, CHN).
    public func country(_ nameOrCode: String) -> Country? {
        let upper = nameOrCode.uppercased()
        return countries.first { $0.alpha3 == upper || $0.name == nameOrCode }
    }

    public func documentType(_ nameOrCode: String) -> DocumentType? {
        documentTypes.first { $0.name == nameOrCode || $0.code == nameOrCode }
    }

    public func channel(_ id: Channel) -> ChannelProfile? {
        channels.first { $0.id == id }
    }

    public func text(_ id: String) -> PolicyText? {
        texts.first { $0.id == id }
    }

    public func photoRequirement(_ id: String) -> PhotoRequirement? {
        photoRequirements.first { $0.id == id }
    }
}
