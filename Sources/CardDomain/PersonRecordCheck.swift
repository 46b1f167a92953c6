/// Checks a person record against the rules and the reference lists; every problem at
/// once, each naming its field by the import file's header (姓名, 证件号码, …).
public enum PersonRecordCheck {
    public static func problems(_ person: PersonRecord, reference: ReferenceData, today: CalendarDate) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        problems.collect(PersonName.parse(person.name))
        if let type = reference.documentType(person.documentType) {
            switch type.parseNumber(person.documentNumber) {
            case .failure(let problem): problems.append(problem)
            case .success(let number):
                if number != person.documentNumber {
                    problems.append(FieldProblem(field: "证件号码", message: "应写作规范形式 \(number)"))
                }
                problems += consistency(of: person, with: type)
            }
        } else {
            problems.append(FieldProblem(field: "证件类型", message: "「\(person.documentType)」不是可用的证件类型"))
        }
        if let group = person.ethnicGroup, reference.ethnicGroup(group) == nil {
            problems.append(FieldProblem(field: "民族", message: "「\(group)」不在 56 个民族代码中"))
        }
        if reference.country(person.nationality) == nil {
            problems.append(FieldProblem(field: "国籍", message: "「\(person.nationality)」不是 ISO 3166-1 三位国家代码"))
        }
        if person.birthDate > today {
            problems.append(FieldProblem(field: "出生日期", message: "不能晚于今天（\(today)）"))
        }
        if person.validityStart > today || person.validityStart < person.birthDate {
            problems.append(FieldProblem(field: "证件有效期限开始日期", message: "应在出生日期（\(person.birthDate)）与今天（\(today)）之间"))
        }
        problems.collect(StreetAddress.parse(person.residenceAddress, field: "常住所在地地址"))
        if reference.district(person.residenceDistrict) == nil {
            problems.append(FieldProblem(field: "常住地所在区", message: "「\(person.residenceDistrict)」不是北京市的区"))
        }
        if let mobile = person.mobile { problems.collect(MobileNumber.parse(mobile, field: "卡预留手机号")) }
        problems += statusProblems(person, reference)
        return problems
    }

    /// A resident ID carries the birth date and sex; the record must agree with it.
    private static func consistency(of person: PersonRecord, with type: DocumentType) -> [FieldProblem] {
        guard type.isResidentID || type.rule == .residencePermit,
              let number = ResidentIDNumber(alreadyChecked: person.documentNumber) else { return [] }
        var problems: [FieldProblem] = []
        if number.sex != person.sex {
            problems.append(FieldProblem(field: "性别", message: "与证件号码不符（号码表明为\(number.sex.label)）"))
        }
        if number.birthDate != person.birthDate {
            problems.append(FieldProblem(field: "出生日期", message: "与证件号码不符（号码表明为 \(number.birthDate)）"))
        }
        return problems
    }

    private static func statusProblems(_ person: PersonRecord, _ reference: ReferenceData) -> [FieldProblem] {
        switch person.status {
        case .employed:
            return (person.unitNumber ?? "").isEmpty ? [FieldProblem(field: "单位编号", message: "在职人员须填写单位编号")] : []
        case .retired:
            guard let bankName = person.pensionBank, !bankName.isEmpty else {
                return [FieldProblem(field: "养老金代发银行", message: "退休人员须填写养老金代发银行")]
            }
            guard let bank = reference.bank(bankName) else {
                return [FieldProblem(field: "养老金代发银行", message: "「\(bankName)」不是社保卡合作银行")]
            }
            guard let branch = person.pensionBranch, !branch.isEmpty else {
                return [FieldProblem(field: "养老金代发网点", message: "退休人员须填写养老金代发网点")]
            }
            return reference.branch(branch, of: bank.name) == nil
                ? [FieldProblem(field: "养老金代发网点", message: "「\(branch)」不是\(bank.name)的网点")] : []
        }
    }
}
