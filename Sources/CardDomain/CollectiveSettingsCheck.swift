/// Checks the unit's form 单位开通集体申请资料填写 (D5) before it is saved: every problem at
/// once, under the form's own labels, with the domain's validators.
public enum CollectiveSettingsCheck {
    public static let labels = [
        "address": "单位地址", "operatorName": "经办人姓名", "operatorDocumentNumber": "经办人证件号码",
        "operatorMobile": "经办人手机号码", "opened": "是否开通单位集中办卡", "unitCollects": "是否支持单位代领",
        "bank": "开户银行", "branch": "办卡网点",
    ]

    public static func problems(_ settings: UnitRecord.CollectiveSettings, reference: ReferenceData,
                                today: CalendarDate) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        problems.collect(StreetAddress.parse(settings.address, field: labels["address"]!))
        problems.collect(PersonName.parse(settings.operatorName, field: labels["operatorName"]!))
        problems.collect(ResidentIDNumber.parse(settings.operatorDocumentNumber, field: labels["operatorDocumentNumber"]!, today: today))
        problems.collect(MobileNumber.parse(settings.operatorMobile, field: labels["operatorMobile"]!))
        if reference.bank(settings.bank) == nil {
            problems.append(FieldProblem(field: labels["bank"]!, message: "请选择合作银行"))
        } else if reference.branch(settings.branch, of: settings.bank) == nil {
            problems.append(FieldProblem(field: labels["branch"]!, message: "请选择\(settings.bank)的网点"))
        }
        return problems
    }
}
