/// Every list the rules consult, as one value: the core takes it as a parameter, so tests
/// and the app both use the shipped files (CardResources loads them) or their own.
public struct ReferenceData: Sendable {
    public let districts: [District]
    public let ethnicGroups: [EthnicGroup]
    public let banks: [Bank]
    public let branches: [Branch]
    public let occupations: [Occupation]
    public let countries: [Country]
    public let documentTypes: [DocumentType]
    public let channels: [ChannelProfile]
    public let texts: [PolicyText]
    public let photoRequirements: [PhotoRequirement]
    public let loginPolicy: LoginPolicy
    /// Lookups by name or code, built once: imports look up several per row.
    let index: Index

    struct Index: Sendable {
        var districts: [String: District] = [:]
        var ethnicGroups: [String: EthnicGroup] = [:]
        var banks: [String: Bank] = [:]
        var branches: [String: Branch] = [:]
        var occupations: [String: Occupation] = [:]
        var countries: [String: Country] = [:]

        static func branchKey(_ bank: String, _ nameOrCode: String) -> String { bank + "\u{1F}" + nameOrCode }
    }

    public init(districts: [District], ethnicGroups: [EthnicGroup], banks: [Bank], branches: [Branch],
                occupations: [Occupation], countries: [Country], documentTypes: [DocumentType],
                channels: [ChannelProfile], texts: [PolicyText], photoRequirements: [PhotoRequirement],
                loginPolicy: LoginPolicy = .d10) {
        self.loginPolicy = loginPolicy
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
        var index = Index()
        // First entry wins, as the linear search it replaces did.
        for district in districts.reversed() { index.districts[district.name] = district; index.districts[district.code] = district }
        for group in ethnicGroups.reversed() {
            index.ethnicGroups[group.code] = group
            index.ethnicGroups[group.name] = group
            if group.name.hasSuffix("族") { index.ethnicGroups[String(group.name.dropLast())] = group }
        }
        for bank in banks.reversed() {
            index.banks[bank.name] = bank
            if let short = bank.shortName { index.banks[short] = bank }
        }
        for branch in branches.reversed() {
            index.branches[Index.branchKey(branch.bank, branch.name)] = branch
            index.branches[Index.branchKey(branch.bank, branch.code)] = branch
        }
        for occupation in occupations.reversed() {
            index.occupations[occupation.code] = occupation
            index.occupations[occupation.name] = occupation
        }
        for country in countries.reversed() { index.countries[country.alpha3] = country; index.countries[country.name] = country }
        self.index = index
    }

    /// A district by its name (朝阳区) or code (110105).
    /// The Beijing district whose name comes first in `address` ("北京市海淀区学院路" is 海淀区).
    public func districtNamed(in address: String) -> District? {
        districts.compactMap { district in address.firstRange(of: district.name).map { (district, $0.lowerBound) } }
            .min { $0.1 < $1.1 }?.0
    }

    public func district(_ nameOrCode: String) -> District? {
        index.districts[nameOrCode]
    }

    /// A 民族 by name (汉族, or 汉 without 族) or two-digit code.
    public func ethnicGroup(_ nameOrCode: String) -> EthnicGroup? {
        index.ethnicGroups[nameOrCode]
    }

    public func bank(_ name: String) -> Bank? {
        index.banks[name]
    }

    /// A branch of `bank` by name or code.
    public func branch(_ nameOrCode: String, of bank: String) -> Branch? {
        index.branches[Index.branchKey(bank, nameOrCode)]
    }

    public func occupation(_ nameOrCode: String) -> Occupation? {
        index.occupations[nameOrCode]
    }

    /// A country by alpha-3 code or Chinese name (中国, CHN).
    public func country(_ nameOrCode: String) -> Country? {
        index.countries[nameOrCode] ?? index.countries[nameOrCode.uppercased()]
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
