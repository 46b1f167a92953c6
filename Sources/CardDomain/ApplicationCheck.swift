/// Checks an application form (a retiree's application, an employee's confirmation)
/// before submission against what the channel's flow asks for and the applicant's terms
/// (D2, D6, D7, D8, BR-BANK-1, BR-PICK-1..3, BR-SUBMIT-2). Every problem at once, each
/// under the label the channel gives the field.
public enum ApplicationCheck {
    /// A retiree's application in the channel's retiree flow.
    public static func problems(_ form: ApplicationForm, person: PersonRecord, profile: ChannelProfile,
                                reference: ReferenceData, today: CalendarDate) -> [FieldProblem] {
        problems(form, person: person, profile: profile, flow: profile.retiree, terms: .retiree(person),
                 reference: reference, today: today)
    }

    public static func problems(_ form: ApplicationForm, person: PersonRecord, profile: ChannelProfile,
                                flow: ChannelProfile.Flow, terms: ApplicantTerms,
                                reference: ReferenceData, today: CalendarDate) -> [FieldProblem] {
        let asked = flow.askedFields
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
        problems += bankProblems(form, profile: profile, terms: terms, reference: reference)
        problems += pickupProblems(form, profile: profile, flow: flow, terms: terms, reference: reference)
        let photos: [(String, KeyPath<ApplicationForm, PhotoReference?>)] =
            [("cardPhoto", \.cardPhoto), ("idCardFront", \.idCardFront), ("idCardBack", \.idCardBack)]
        for (photo, given) in photos where asked.contains(photo) && form[keyPath: given] == nil {
            problem(photo, "请上传照片")
        }
        if !form.consented { problem("finalConsent", "请勾选【\(flow.finalConsent)】后再提交") }
        return problems
    }

    /// The bank is fixed for everyone; the branch too, unless the applicant may choose
    /// another of the same bank (D6).
    private static func bankProblems(_ form: ApplicationForm, profile: ChannelProfile, terms: ApplicantTerms,
                                     reference: ReferenceData) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        let retiree = terms.kind == .personal
        if let bank = form.bank, bank != terms.bank {
            problems.append(FieldProblem(field: profile.label("bank"), message: retiree
                ? "退休人员首次申领须与养老金代发银行（\(terms.bank ?? "")）一致，不可修改"
                : "须为单位选定的办卡银行（\(terms.bank ?? "")），不能选择其他银行"))
        }
        guard let branch = form.branch, branch != terms.branch else { return problems }
        if !terms.branchIsChoosable {
            problems.append(FieldProblem(field: profile.label("branch"), message: retiree
                ? "须与养老金代发网点（\(terms.branch ?? "")）一致，不可修改"
                : "须为单位选定的办卡网点（\(terms.branch ?? "")）"))
        } else if reference.branch(branch, of: terms.bank ?? "") == nil {
            problems.append(FieldProblem(field: profile.label("branch"), message: "请选择\(terms.bank ?? "")的网点"))
        }
        return problems
    }

    private static func pickupProblems(_ form: ApplicationForm, profile: ChannelProfile, flow: ChannelProfile.Flow,
                                       terms: ApplicantTerms, reference: ReferenceData) -> [FieldProblem] {
        let options = terms.pickupOptions(in: flow)
        guard let method = form.pickupMethod, options.contains(where: { $0.method == method }) else {
            let labels = options.map(\.label).joined(separator: "或")
            return [FieldProblem(field: profile.label("pickupMethod"), message: options.isEmpty ? "本渠道暂不支持您的领卡方式" : "请选择\(labels)")]
        }
        guard method == .bankMail else { return [] }
        guard let mail = form.mailing else {
            let label = options.first { $0.method == .bankMail }?.label ?? "银行邮寄"
            return [FieldProblem(field: profile.label("mailAddress"), message: "选择\(label)时须填写邮寄信息")]
        }
        let fields = flow.mailFields
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
