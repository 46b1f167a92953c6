/// A column of the units file (`sscard units import`, 导入单位信息), by its Chinese header,
/// with English aliases. Headers match ignoring case, spaces, _ and -, as persons' do.
public enum UnitColumn: String, CaseIterable, Sendable {
    case number = "单位编号"
    case name = "单位名称"
    case creditCode = "统一社会信用代码"
    case district = "所在区"
    case address = "单位地址"
    case operatorName = "经办人姓名"
    case operatorDocumentNumber = "经办人证件号码"
    case operatorMobile = "经办人手机号码"

    public static let required: [UnitColumn] = [.number, .name, .creditCode, .district, .address]

    var aliases: [String] {
        switch self {
        case .number: return ["unit number", "unit", "number"]
        case .name: return ["unit name", "name"]
        case .creditCode: return ["credit code", "unified social credit code", "uscc"]
        case .district: return ["district", "所在区县"]
        case .address: return ["address", "unit address"]
        case .operatorName: return ["operator name", "contact name"]
        case .operatorDocumentNumber: return ["operator id number", "operator document number"]
        case .operatorMobile: return ["operator mobile", "operator phone", "contact phone"]
        }
    }

    public init?(header: String) {
        let key = PersonColumn.normalise(header)
        guard let column = Self.allCases.first(where: { column in
            PersonColumn.normalise(column.rawValue) == key || column.aliases.contains { PersonColumn.normalise($0) == key }
        }) else { return nil }
        self = column
    }
}
