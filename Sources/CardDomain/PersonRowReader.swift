/// Reads the rows of a master-data file into person records. The header is checked once
/// (an unknown or missing column is an error that names it); each row gives a record or
/// every problem found in reading it, by the column's Chinese header. The record's rules
/// (PersonRecordCheck) are applied by the recordPerson command, not twice.
public struct PersonRowReader: Sendable {
    public enum HeaderProblem: Error, Equatable, Sendable, CustomStringConvertible {
        case unknown(column: Int, header: String)
        case duplicate(header: String)
        case missing([PersonColumn])

        public var description: String {
            switch self {
            case let .unknown(column, header): return "第 \(column) 列的表头「\(TerminalText.escaped(header))」无法识别"
            case .duplicate(let header): return "表头「\(TerminalText.escaped(header))」出现了两次"
            case .missing(let columns): return "缺少必需的列：" + columns.map(\.rawValue).joined(separator: "、")
            }
        }
    }

    let columns: [PersonColumn: Int]
    let reference: ReferenceData
    let today: CalendarDate

    public init(header: [String], reference: ReferenceData, today: CalendarDate) throws(HeaderProblem) {
        var columns: [PersonColumn: Int] = [:]
        for (index, text) in header.enumerated() {
            guard let column = PersonColumn(header: text) else { throw .unknown(column: index + 1, header: text) }
            guard columns[column] == nil else { throw .duplicate(header: text) }
            columns[column] = index
        }
        let missing = PersonColumn.required.filter { columns[$0] == nil }
        guard missing.isEmpty else { throw .missing(missing) }
        self.columns = columns
        self.reference = reference
        self.today = today
    }

    /// The record a row describes, or every problem with it.
    public func read(_ fields: [String]) -> Result<PersonRecord, RowProblems> {
        var problems: [FieldProblem] = []
        func value(_ column: PersonColumn) -> String {
            guard let index = columns[column], index < fields.count else { return "" }
            return fields[index].trimmingSpaces
        }
        func problem(_ column: PersonColumn, _ message: String) {
            problems.append(FieldProblem(field: column.rawValue, message: message))
        }
        if fields.count != columns.count { problems.append(FieldProblem(field: "(行)", message: "有 \(fields.count) 列，表头有 \(columns.count) 列")) }
        let typeText = value(.documentType)
        let type = typeText.isEmpty ? reference.documentType(DocumentType.residentIDCode) : reference.documentType(typeText)
        if type == nil { problem(.documentType, "「\(typeText)」不是可用的证件类型") }
        var number = value(.documentNumber).uppercased()
        var fromID: ResidentIDNumber?
        var numberFailed = false
        if let type {
            switch type.parseNumber(number) {
            case .success(let parsed):
                number = parsed
                if type.isResidentID || type.rule == .residencePermit { fromID = try? ResidentIDNumber.parse(parsed).get() }
            case .failure(let found):
                problems.append(found)
                numberFailed = true
            }
        }
        // Sex and birth date left to a bad number: the number's own problem says it all.
        let sex = readSex(value(.sex), fromID, missingIsExplained: numberFailed, problem)
        let birth = readDate(value(.birthDate), column: .birthDate, default: fromID?.birthDate,
                             missingIsExplained: numberFailed, problem)
        if let fromID, let birth, birth != fromID.birthDate {
            problem(.birthDate, "与证件号码不符（号码表明为 \(fromID.birthDate)）")
        }
        let start = readDate(value(.validityStart), column: .validityStart, default: nil, missingIsExplained: false, problem)
        let status = readStatus(value(.status), problem)
        let ethnic = value(.ethnicGroup)
        let ethnicCode = ethnic.isEmpty ? nil : reference.ethnicGroup(ethnic)?.code
        if !ethnic.isEmpty, ethnicCode == nil { problem(.ethnicGroup, "「\(ethnic)」不是 56 个民族之一") }
        let nationalityText = value(.nationality)
        let nationality = nationalityText.isEmpty ? Country.chinaCode : reference.country(nationalityText)?.alpha3
        if nationality == nil { problem(.nationality, "「\(nationalityText)」不是国家名称或三位国家代码（如 CHN）") }
        let districtText = value(.residenceDistrict)
        let district = reference.district(districtText)?.code
        if district == nil { problem(.residenceDistrict, districtText.isEmpty ? "请填写所在区" : "「\(districtText)」不是北京市的区") }
        let bankText = value(.pensionBank)
        let bank = bankText.isEmpty ? nil : (reference.bank(bankText)?.name ?? bankText)
        let branchText = value(.pensionBranch)
        let branch = bank.flatMap { reference.branch(branchText, of: $0)?.name } ?? (branchText.isEmpty ? nil : branchText)
        let mobile = value(.mobile)
        guard let type, let sex, let birth, let start, let status, let nationality, let district else {
            return .failure(RowProblems(problems: problems))
        }
        let record = PersonRecord(
            name: PersonName.normalised(value(.name)), documentType: type.code, documentNumber: number, sex: sex, birthDate: birth,
            ethnicGroup: ethnicCode, nationality: nationality, validityStart: start,
            residenceAddress: value(.residenceAddress), residenceDistrict: district,
            mobile: mobile.isEmpty ? nil : (try? MobileNumber.parse(mobile).get())?.value ?? mobile,
            status: status, unitNumber: status == .employed ? value(.unitNumber) : nil,
            pensionBank: status == .retired ? bank : nil, pensionBranch: status == .retired ? branch : nil)
        // The rules proper (PersonRecordCheck) run when the record is decided on, once.
        return problems.isEmpty ? .success(record) : .failure(RowProblems(problems: problems))
    }

    private func readSex(_ text: String, _ fromID: ResidentIDNumber?, missingIsExplained: Bool,
                         _ problem: (PersonColumn, String) -> Void) -> Sex? {
        let sex: Sex?
        switch text.lowercased() {
        case "": sex = fromID?.sex
        case "男", "1", "m", "male": sex = .male
        case "女", "2", "f", "female": sex = .female
        default:
            problem(.sex, "「\(text)」不是性别，请填写 男 或 女")
            return nil
        }
        if sex == nil, !missingIsExplained { problem(.sex, "请填写性别") }
        if let sex, let fromID, sex != fromID.sex { problem(.sex, "与证件号码不符（号码表明为\(fromID.sex.label)）") }
        return sex
    }

    private func readDate(_ text: String, column: PersonColumn, default fallback: CalendarDate?, missingIsExplained: Bool,
                          _ problem: (PersonColumn, String) -> Void) -> CalendarDate? {
        if text.isEmpty {
            if fallback == nil, !missingIsExplained { problem(column, "请填写日期，例如 2015-06-01") }
            return fallback
        }
        guard let date = CalendarDate(text.replacingSlashes) else {
            problem(column, "「\(text)」不是有效日期，请按 年-月-日 填写，例如 2015-06-01")
            return nil
        }
        return date
    }

    private func readStatus(_ text: String, _ problem: (PersonColumn, String) -> Void) -> PersonRecord.Status? {
        switch text {
        case "在职", "11", "employed": return .employed
        case "退休", "21", "retired": return .retired
        default:
            problem(.status, text.isEmpty ? "请填写 在职 或 退休" : "「\(text)」不是人员状态，请填写 在职 或 退休")
            return nil
        }
    }
}

/// Everything wrong with one row of an import file.
public struct RowProblems: Error, Equatable, Sendable {
    public var problems: [FieldProblem]
}

extension String {
    /// 2015/6/1 style dates as spreadsheets write them, as 2015-06-01.
    var replacingSlashes: String {
        let parts = split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }) else { return self }
        let pad: (Substring) -> String = { $0.count == 1 ? "0" + $0 : String($0) }
        return "\(parts[0])-\(pad(parts[1]))-\(pad(parts[2]))"
    }
}
