/// A column of the master-data import file (issue 3), by its Chinese header, with the
/// English aliases accepted for it. Headers match ignoring case, spaces, _ and -.
public enum PersonColumn: String, CaseIterable, Sendable {
    case name = "姓名"
    case documentType = "证件类型"
    case documentNumber = "证件号码"
    case sex = "性别"
    case birthDate = "出生日期"
    case ethnicGroup = "民族"
    case nationality = "国籍"
    case validityStart = "证件有效期限开始日期"
    case residenceAddress = "常住所在地地址"
    case residenceDistrict = "常住地所在区"
    case mobile = "卡预留手机号"
    case status = "人员状态"
    case unitNumber = "单位编号"
    case pensionBank = "养老金代发银行"
    case pensionBranch = "养老金代发网点"

    /// Columns without which no row can be read.
    public static let required: [PersonColumn] = [.name, .documentNumber, .validityStart, .residenceAddress,
                                                  .residenceDistrict, .status]

    var aliases: [String] {
        switch self {
        case .name: return ["name", "full name"]
        case .documentType: return ["document type", "id type", "documenttype"]
        case .documentNumber: return ["document number", "id number", "id no", "idnumber"]
        case .sex: return ["sex", "gender"]
        case .birthDate: return ["birth date", "date of birth", "birthday", "dob"]
        case .ethnicGroup: return ["ethnic group", "ethnicity", "nation"]
        case .nationality: return ["nationality", "country"]
        case .validityStart: return ["validity start", "id valid from", "valid from"]
        case .residenceAddress: return ["residence address", "address", "常住地所在地址"]
        case .residenceDistrict: return ["residence district", "district"]
        case .mobile: return ["mobile", "phone", "mobile number"]
        case .status: return ["status", "person status", "employment status"]
        case .unitNumber: return ["unit number", "unit", "employer number"]
        case .pensionBank: return ["pension bank"]
        case .pensionBranch: return ["pension branch"]
        }
    }

    /// The column a header names, or nil for a header this file format does not have.
    public init?(header: String) {
        let key = Self.normalise(header)
        guard let column = Self.allCases.first(where: { column in
            Self.normalise(column.rawValue) == key || column.aliases.contains { Self.normalise($0) == key }
        }) else { return nil }
        self = column
    }

    static func normalise(_ header: String) -> String {
        String(header.trimmingSpaces.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" })
    }
}
