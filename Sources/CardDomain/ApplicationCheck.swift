/// Checks a retiree's application form before submission against what the channel's
/// profile asks for (D2, D7, D8, BR-BANK-1, BR-PICK-3, BR-SUBMIT-2). Every problem at
/// once, each under the label the channel gives the field.
public enum ApplicationCheck {
    public static func problems(_ form: ApplicationForm, person: PersonRecord, profile: ChannelProfile,
                                reference: ReferenceData, today: CalendarDate) -> [FieldProblem] {
        let asked = Set(profile.retiree.steps.flatMap(\.fields))
        var problems: [FieldProblem] = []
        func problem(_ field: String, _ message: String) {
            problems.append(FieldProblem(field: profile.label(field), message: message))
        }
        if let start = form.validityStart {
            problems.collect(IdentityValidity.checkStart(start.description, birth: person.birthDate, today: today,
                                              field: profile.label("validityStart")))
        } else if person.validity.isExpired(on: today) {
            problem("validityStart", "证件已于 \(person.validity.label) 过期；请填写新换领证件的开始日期")
        }
        if asked.contains("ethnicGroup"), (form.ethnicGroup ?? person.ethnicGroup).flatMap(reference.ethnicGroup) == nil {
            problem("ethnicGroup", "请选择民族")
        }
        if form.occupation.flatMap(reference.occupation) == nil { problem("occupation", "请选择职业") }
        if (form.residenceDistrict ?? person.residenceDistrict).isEmpty
            || reference.district(form.residenceDistrict ?? person.residenceDistrict) == nil {
            problem("residenceDistrict", "请选择北京市的区")
        }
        problems.collect(StreetAddress.parse(form.residenceAddress ?? person.residenceAddress, field: profile.label("residenceAddress")))
        if asked.contains("mobile") || person.mobile == nil {
            problems.collect(MobileNumber.parse(form.mobile ?? person.mobile ?? "", field: profile.label("mobile")))
        }
        if let bank = form.bank, bank != person.pensionBank {
            problem("bank", "退休人员首次申领须与养老金代发银行（\(person.pensionBank ?? "")）一致，不可修改")
        }
        if let branch = form.branch, branch != person.pensionBranch {
            problem("branch", "须与养老金代发网点（\(person.pensionBranch ?? "")）一致，不可修改")
        }
        problems += pickupProblems(form, profile: profile, reference: reference)
        let photos: [(String, KeyPath<ApplicationForm, PhotoReference?>)] =
            [("cardPhoto", \.cardPhoto), ("idCardFront", \.idCardFront), ("idCardBack", \.idCardBack)]
        for (photo, given) in photos where asked.contains(photo) && form[keyPath: given] == nil {
            problem(photo, "请上传照片")
        }
        if !form.consented { problem("finalConsent", "请勾选【\(profile.retiree.finalConsent)】后再提交") }
        return problems
    }

    private static func pickupProblems(_ form: ApplicationForm, profile: ChannelProfile,
                                       reference: ReferenceData) -> [FieldProblem] {
        let offered = profile.retiree.pickup.map(\.method)
        guard let method = form.pickupMethod, offered.contains(method) else {
            let labels = profile.retiree.pickup.map(\.label).joined(separator: "或")
            return [FieldProblem(field: profile.label("pickupMethod"), message: "请选择\(labels)")]
        }
        guard method == .bankMail else { return [] }
        guard let mail = form.mailing else {
            return [FieldProblem(field: profile.label("mailAddress"), message: "选择银行邮寄时须填写邮寄信息")]
        }
        let fields = profile.retireeMailFields
        var problems: [FieldProblem] = []
        problems.collect(PersonName.parse(mail.recipientName, field: profile.label("recipientName")))
        problems.collect(MobileNumber.parse(mail.recipientPhone, field: profile.label("recipientPhone")))
        if fields.contains("mailDistrict"), (mail.district.flatMap(reference.district)) == nil {
            problems.append(FieldProblem(field: profile.label("mailDistrict"), message: "请选择北京市的区"))
        }
        if fields.contains("postalCode") { problems.collect(PostalCode.parse(mail.postalCode ?? "", field: profile.label("postalCode"))) }
        problems.collect(StreetAddress.parse(mail.address, field: profile.label("mailAddress")))
        return problems
    }
}
