/// 单位: an employer, as master data, with its collective-application settings once the
/// unit operator has opened collective application (DECISIONS.md D5).
public struct UnitRecord: Codable, Equatable, Sendable {
    /// What the unit operator set when opening collective application (单位开通集体申请).
    public struct CollectiveSettings: Codable, Equatable, Sendable {
        public var address: String
        public var operatorName: String
        public var operatorDocumentNumber: String
        public var operatorMobile: String
        /// 是否开通单位集中办卡
        public var opened: Bool
        /// 是否支持单位代领
        public var unitCollects: Bool
        public var bank: String
        public var branch: String

        public init(address: String, operatorName: String, operatorDocumentNumber: String, operatorMobile: String,
                    opened: Bool, unitCollects: Bool, bank: String, branch: String) {
            self.address = address
            self.operatorName = operatorName
            self.operatorDocumentNumber = operatorDocumentNumber
            self.operatorMobile = operatorMobile
            self.opened = opened
            self.unitCollects = unitCollects
            self.bank = bank
            self.branch = branch
        }
    }

    /// 单位编号
    public var number: String
    public var name: String
    public var creditCode: String
    /// The district's GB/T 2260 code.
    public var district: String
    public var collective: CollectiveSettings?
    /// 单位地址, from the bureau's units file.
    public var address: String?
    /// The unit's 经办人 as the bureau's file names them, when it does.
    public var contact: Contact?

    /// 经办人姓名, 经办人证件号码 and 经办人手机号码 from the units file.
    public struct Contact: Codable, Equatable, Sendable {
        public var name: String
        public var documentNumber: String?
        public var mobile: String?

        public init(name: String, documentNumber: String? = nil, mobile: String? = nil) {
            self.name = name
            self.documentNumber = documentNumber
            self.mobile = mobile
        }
    }

    public init(number: String, name: String, creditCode: String, district: String, collective: CollectiveSettings? = nil,
                address: String? = nil, contact: Contact? = nil) {
        self.number = number
        self.name = name
        self.creditCode = creditCode
        self.district = district
        self.collective = collective
        self.address = address
        self.contact = contact
    }
}
