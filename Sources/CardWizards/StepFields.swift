import CardDomain
import TerminalUI

/// Builds a page's form from the field ids in the channel's profile: which widget each
/// field is, its label (the channel's own), its value so far, and for read-only values
/// why they cannot be changed (D7, BR-BANK-1, BR-PICK-1, D6, D9).
public struct StepFields {
    public let flow: ApplicantFlow
    let reference: ReferenceData
    let texts: (String) -> PolicyText?

    static let fromRecords = "来自登记信息，不可修改"

    public init(flow: ApplicantFlow, reference: ReferenceData, texts: @escaping (String) -> PolicyText?) {
        self.flow = flow
        self.reference = reference
        self.texts = texts
    }

    public func form() -> Form {
        var fields: [FormField] = []
        if flow.pageFields == ["summary"] {
            // The heading names the step; the rows go to the summary, which must fit whole.
            if flow.fieldsPerPage == nil {
                fields.append(FormField(id: "intro", control: .note("请核对以下申请信息；如需修改，按 Esc 返回上一步。", style: .muted)))
            }
        } else {
            fields.append(FormField(id: "trail", control: .note(flow.trail(), style: .muted)))
            if flow.isFirstPage, let notice = flow.notice {
                fields.append(FormField(id: "notice", control: .note(notice, style: .warning)))
            }
            if flow.page == 0, let note = introduction { fields.append(FormField(id: "intro", control: .note(note, style: .muted))) }
        }
        for id in flow.pageFields { fields += self.fields(for: id) }
        fields.append(FormField(id: "next", control: .button(flow.nextButton)))
        return Form(fields)
    }

    /// A line above the fields where the step needs one.
    private var introduction: String? {
        let ids = Set(flow.currentStep.fields)
        if ids.contains("cardPhoto"), let rules = flow.profile.photoRules { return rules }
        if flow.profile.id == .minsheng, ids.contains("validity") {
            return "以下信息由身份证读卡器读取（民族可修改），请核对后继续。"
        }
        if ids.contains("documentNumber"), ids.contains("validityStart") { return "请核对登记信息；有误的可修改项请直接修改。" }
        // The option's own label from the channel's data: the web calls it 银行网点邮寄.
        if ids.contains("pickupMethod"), let mail = pickupOptions.first(where: { $0.method == .bankMail }) {
            return "选择\(mail.label)时，请填写收件信息。"
        }
        return nil
    }

    private func label(_ id: String) -> String { flow.profile.label(id) }

    private func readOnly(_ id: String, _ value: String, note: String = fromRecords) -> FormField {
        FormField(id: id, label: label(id), control: .readOnly(value, note: note))
    }

    private func text(_ id: String, _ value: String?, width: Int = 40, maxLength: Int = 80,
                      filter: InputFilter = .any) -> FormField {
        FormField(id: id, label: label(id), isRequired: true,
                  control: .text(TextField(value ?? "", maxLength: maxLength, filter: filter), width: width))
    }

    private func select(_ id: String, _ options: [ChoiceOption], chosen: String?, width: Int = 24) -> FormField {
        FormField(id: id, label: label(id), isRequired: true,
                  control: .select(SelectList(options, selectedID: chosen), chosen: chosen, width: width))
    }

    private var pickupOptions: [ChannelProfile.PickupOption] { flow.terms.pickupOptions(in: flow.definition) }

    private var districtOptions: [ChoiceOption] { reference.districts.map { ChoiceOption(id: $0.code, label: $0.name) } }

    public func fields(for id: String) -> [FormField] {
        let person = flow.person
        let form = flow.form
        switch id {
        case "name" where flow.reading != nil: return [readOnly(id, flow.reading!.name, note: "读卡器读取，请核对")]
        case "name": return [readOnly(id, person.name)]
        case "documentType": return [readOnly(id, reference.documentType(person.documentType)?.name ?? person.documentType)]
        case "documentNumber": return [readOnly(id, person.documentNumber)]
        case "sex": return [readOnly(id, person.sex.label)]
        case "birthDate": return [readOnly(id, person.birthDate.description)]
        case "nationality": return [readOnly(id, reference.country(person.nationality)?.name ?? person.nationality)]
        case "validity":
            let start = flow.reading?.validityStart ?? person.validityStart
            return [readOnly(id, "\(start) 至 \(flow.reading?.validityEnd ?? person.validity.label)", note: "读卡器读取，请核对")]
        case "validityStart":
            return [FormField(id: id, label: label(id), isRequired: true,
                              control: .date(DateField(form.validityStart?.description ?? "")))]
        case "ethnicGroup":
            return [select(id, reference.ethnicGroups.map { ChoiceOption(id: $0.code, label: $0.name) }, chosen: form.ethnicGroup)]
        case "occupation":
            // A channel may word an entry as the seeds do ("occupation.80": 离退休人员); the
            // GB/T 2261.4 code underneath is the same.
            return [select(id, reference.occupations.map {
                ChoiceOption(id: $0.code, label: flow.profile.labels["occupation.\($0.code)"] ?? $0.name)
            }, chosen: form.occupation, width: 30)]
        case "residenceDistrict": return [select(id, districtOptions, chosen: form.residenceDistrict)]
        case "residenceAddress": return [text(id, form.residenceAddress, width: 46)]
        case "mobile": return [text(id, form.mobile, width: 14, maxLength: 11, filter: .digits)]
        case "bank": return [readOnly(id, flow.terms.bank ?? "（无）", note: flow.terms.bankNote)]
        case "branch" where flow.terms.branchIsChoosable: return [select(id, branchOptions, chosen: form.branch, width: 30)]
        case "branch": return [readOnly(id, flow.terms.branch ?? "（无）", note: flow.terms.bankNote)]
        case "pickupMethod" where flow.terms.pickupAllowed.count == 1:
            // The unit collects (BR-PICK-1): nothing to choose, and the form says why.
            return [readOnly(id, flow.definition.pickupLabel(flow.terms.pickupAllowed[0]), note: "单位已选择单位代领，不可更改")]
        case "pickupMethod":
            let options = pickupOptions.map { ChoiceOption(id: $0.method.rawValue, label: $0.label) }
            let selected = options.firstIndex { $0.id == form.pickupMethod?.rawValue } ?? 0
            return [FormField(id: id, label: label(id), isRequired: true, control: .radio(RadioGroup(options, selected: selected)))]
        case "recipientName": return [text(id, form.mailing?.recipientName, width: 20, maxLength: 30)]
        case "recipientPhone": return [text(id, form.mailing?.recipientPhone, width: 14, maxLength: 11, filter: .digits)]
        case "mailDistrict": return [select(id, districtOptions, chosen: form.mailing?.district)]
        case "postalCode": return [text(id, form.mailing?.postalCode, width: 8, maxLength: 6, filter: .digits)]
        case "mailAddress": return [text(id, form.mailing?.address, width: 46)]
        case "cardPhoto", "idCardFront", "idCardBack": return [photo(id)]
        case "accessAuthorisation": return consent(id, text: "accessAuthorisation", box: "我已阅读并同意访问授权", checked: flow.authorised)
        case "summary": return [ApplicationSummary(fields: self).field()]
        case "finalConsent": return consent(id, text: "pledge", box: flow.definition.finalConsent, checked: form.consented)
        default: return [FormField(id: id, label: label(id), control: .note("（本版本不支持该字段）", style: .muted))]
        }
    }

    /// The bank's branches, those in the applicant's district first (D6).
    private var branchOptions: [ChoiceOption] {
        let bank = flow.terms.bank ?? ""
        let home = flow.form.residenceDistrict ?? flow.person.residenceDistrict
        let branches = reference.branches.filter { $0.bank == bank }
        let ordered = branches.filter { $0.district == home } + branches.filter { $0.district != home }
        return ordered.map { ChoiceOption(id: $0.name, label: $0.name, detail: reference.district($0.district)?.name ?? "") }
    }

    /// "已上传 358x441 JPEG 32 KB": one size, as the picker shows it.
    public static func uploaded(_ photo: PhotoReference) -> String {
        "已上传 \(photo.size) \(photo.format.rawValue) \(PhotoRequirement.sizeText(photo.byteCount))"
    }

    private func photo(_ id: String) -> FormField {
        let reference: PhotoReference? = switch id {
        case "cardPhoto": flow.form.cardPhoto
        case "idCardFront": flow.form.idCardFront
        default: flow.form.idCardBack
        }
        let state = reference.map { Self.uploaded($0) + "，按 Enter 更换" } ?? "选择照片文件"
        return FormField(id: id, label: label(id), isRequired: true, control: .button(state))
    }

    /// The policy text, wrapped, and the box to tick.
    private func consent(_ id: String, text: String, box: String, checked: Bool) -> [FormField] {
        var fields: [FormField] = []
        if let policy = texts(text) {
            fields.append(FormField(id: id + "Text", label: "", control: .note(([policy.title] + policy.body).joined(separator: "\n"),
                                                                                style: .muted)))
        }
        fields.append(FormField(id: id, label: "", isRequired: true, control: .checkbox(Checkbox(box, isChecked: checked))))
        return fields
    }
}
