/// 参保人员: a person as the bureau's records hold them (master data, DECISIONS.md D11).
/// The applicant flows never create one; an import or the demo data does.
public struct PersonRecord: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        case employed = "在职"
        case retired = "退休"
    }

    public var name: String
    public var documentType: String
    /// The normalised document number; for a 居民身份证, 18 characters with an upper-case X.
    public var documentNumber: String
    public var sex: Sex
    public var birthDate: CalendarDate
    /// 民族 code (GB/T 3304), when known.
    public var ethnicGroup: String?
    /// 国籍, ISO 3166-1 alpha-3.
    public var nationality: String
    public var validityStart: CalendarDate
    public var residenceAddress: String
    /// 常住地所在区, a GB/T 2260 district code.
    public var residenceDistrict: String
    public var mobile: String?
    public var status: Status
    /// 单位编号, for employees.
    public var unitNumber: String?
    /// 养老金代发银行 and 网点, for retirees: they fix the card's bank (BR-BANK-1).
    public var pensionBank: String?
    public var pensionBranch: String?
    /// Holds a third-generation card already (D4 refuses a first-card application).
    public var holdsThirdGenerationCard: Bool
    public var deceased: Bool

    public init(name: String, documentType: String = DocumentType.residentIDCode, documentNumber: String, sex: Sex,
                birthDate: CalendarDate, ethnicGroup: String? = nil, nationality: String = Country.chinaCode,
                validityStart: CalendarDate, residenceAddress: String, residenceDistrict: String, mobile: String?,
                status: Status, unitNumber: String? = nil, pensionBank: String? = nil, pensionBranch: String? = nil,
                holdsThirdGenerationCard: Bool = false, deceased: Bool = false) {
        self.name = name
        self.documentType = documentType
        self.documentNumber = documentNumber
        self.sex = sex
        self.birthDate = birthDate
        self.ethnicGroup = ethnicGroup
        self.nationality = nationality
        self.validityStart = validityStart
        self.residenceAddress = residenceAddress
        self.residenceDistrict = residenceDistrict
        self.mobile = mobile
        self.status = status
        self.unitNumber = unitNumber
        self.pensionBank = pensionBank
        self.pensionBranch = pensionBranch
        self.holdsThirdGenerationCard = holdsThirdGenerationCard
        self.deceased = deceased
    }

    /// The ID's validity period (B.7.1), from the record's start date and birth date.
    public var validity: IdentityValidity { IdentityValidity.expected(start: validityStart, birth: birthDate) }
}
