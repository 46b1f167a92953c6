/// Reads the rows of the units file into unit records (D11): the header once, then each
/// row into a record or every problem with it, by the column's Chinese header. The credit
/// code is checked by its check character (GB 32100-2015), the district against the list.
public struct UnitRowReader: MasterDataRows {
    public enum HeaderProblem: Error, Equatable, Sendable, CustomStringConvertible {
        case unknown(column: Int, header: String)
        case duplicate(header: String)
        case missing([UnitColumn])

        public var description: String {
            switch self {
            case let .unknown(column, header): return "第 \(column) 列的表头「\(TerminalText.escaped(header))」无法识别"
            case .duplicate(let header): return "表头「\(TerminalText.escaped(header))」出现了两次"
            case .missing(let columns): return "缺少必需的列：" + columns.map(\.rawValue).joined(separator: "、")
            }
        }
    }

    let columns: [UnitColumn: Int]
    let reference: ReferenceData

    public init(header: [String], reference: ReferenceData) throws(HeaderProblem) {
        var columns: [UnitColumn: Int] = [:]
        for (index, text) in header.enumerated() {
            guard let column = UnitColumn(header: text) else { throw .unknown(column: index + 1, header: text) }
            guard columns[column] == nil else { throw .duplicate(header: text) }
            columns[column] = index
        }
        let missing = UnitColumn.required.filter { columns[$0] == nil }
        guard missing.isEmpty else { throw .missing(missing) }
        self.columns = columns
        self.reference = reference
    }

    public var keyField: String { UnitColumn.number.rawValue }

    public func command(for fields: [String]) -> Result<(key: String, command: Command), RowProblems> {
        read(fields).map { ($0.number, .recordUnit($0)) }
    }

    public func read(_ fields: [String]) -> Result<UnitRecord, RowProblems> {
        var problems: [FieldProblem] = []
        func value(_ column: UnitColumn) -> String {
            guard let index = columns[column], index < fields.count else { return "" }
            return fields[index].trimmingSpaces
        }
        func problem(_ column: UnitColumn, _ message: String) { problems.append(FieldProblem(field: column.rawValue, message: message)) }
        if fields.count != columns.count { problems.append(FieldProblem(field: "(行)", message: "有 \(fields.count) 列，表头有 \(columns.count) 列")) }
        let number = value(.number).uppercased()
        if number.isEmpty {
            problem(.number, "请填写单位编号")
        } else if number.count > 20 || !number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            problem(.number, "应为不超过 20 位的数字或字母")
        }
        let name = value(.name)
        if name.isEmpty { problem(.name, "请填写单位名称") } else if let text = FreeText.problem(name, maximumCharacters: 60) { problem(.name, text) }
        var creditCode = ""
        switch CreditCode.parse(value(.creditCode), field: UnitColumn.creditCode.rawValue) {
        case .success(let code): creditCode = code.value
        case .failure(let found): problems.append(found)
        }
        let districtText = value(.district)
        let district = reference.district(districtText)?.code
        if district == nil { problem(.district, districtText.isEmpty ? "请填写所在区" : "「\(districtText)」不是北京市的区") }
        let address = value(.address)
        if address.isEmpty { problem(.address, "请填写单位地址") } else if let text = FreeText.problem(address, maximumCharacters: 100) { problem(.address, text) }
        let contact = readContact(value(.operatorName), value(.operatorDocumentNumber), value(.operatorMobile), into: &problems)
        guard problems.isEmpty, let district else { return .failure(RowProblems(problems: problems)) }
        return .success(UnitRecord(number: number, name: name, creditCode: creditCode, district: district,
                                   address: address, contact: contact))
    }

    /// The optional 经办人 columns: a number without a name is a problem; each is checked as typed on screen.
    private func readContact(_ name: String, _ number: String, _ mobile: String, into problems: inout [FieldProblem]) -> UnitRecord.Contact? {
        guard !(name.isEmpty && number.isEmpty && mobile.isEmpty) else { return nil }
        var contact = UnitRecord.Contact(name: "")
        switch PersonName.parse(name, field: UnitColumn.operatorName.rawValue) {
        case .success(let parsed): contact.name = parsed.value
        case .failure(let found): problems.append(found)
        }
        if !number.isEmpty {
            switch ResidentIDNumber.parse(number, field: UnitColumn.operatorDocumentNumber.rawValue) {
            case .success(let parsed): contact.documentNumber = parsed.value
            case .failure(let found): problems.append(found)
            }
        }
        if !mobile.isEmpty {
            switch MobileNumber.parse(mobile, field: UnitColumn.operatorMobile.rawValue) {
            case .success(let parsed): contact.mobile = parsed.value
            case .failure(let found): problems.append(found)
            }
        }
        return contact
    }
}
