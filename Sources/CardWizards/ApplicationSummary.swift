import CardDomain
import TerminalUI

/// Everything the application will submit, on one page before the pledge, in the
/// channel's own labels: what the applicant (or the clerk for them) confirms. Small
/// values share a line with the one they belong to (性别 and 出生日期 with 姓名), so
/// that the whole application fits 80x24 and the elder layout without scrolling.
struct ApplicationSummary {
    let fields: StepFields

    /// Fields that share a line, in the order their values are given. The line takes the
    /// label of the first of `labels` that the flow asks (for example 姓名 with 性别 and
    /// 出生日期 after it; 常住所在地地址 with the district before the address).
    static let shared: [(labels: [String], values: [String])] = [
        (["name"], ["name", "sex", "birthDate", "nationality"]),
        (["documentNumber", "documentType"], ["documentType", "documentNumber", "validity", "validityStart"]),
        (["residenceAddress", "residenceDistrict"], ["residenceDistrict", "residenceAddress"]),
        (["bank", "branch"], ["bank", "branch"]),
        (["recipientName"], ["recipientName", "recipientPhone", "postalCode"]),
        (["mailAddress", "mailDistrict"], ["mailDistrict", "mailAddress"]),
    ]
    static let notSummarised: Set<String> = ["summary", "finalConsent", "accessAuthorisation"]

    /// The fields the summary lists, each once, in the order the steps ask them, and only
    /// those that show: a value the applicant was not asked for is not listed.
    var ids: [String] {
        let flow = fields.flow
        var seen: Set<String> = []
        return flow.steps.flatMap(\.fields).filter { id in
            !Self.notSummarised.contains(id) && flow.isShown(id) && seen.insert(id).inserted
        }
    }

    /// "label  value" lines, where a line is a field, or fields that share one.
    var lines: [(label: String, value: String)] {
        let ids = self.ids
        var done: Set<String> = []
        var lines: [(label: String, value: String)] = []
        for id in ids where !done.contains(id) {
            guard let group = Self.shared.first(where: { $0.values.contains(id) }) else {
                done.insert(id)
                lines.append((fields.flow.profile.label(id), value(of: id, alone: true)))
                continue
            }
            let members = group.values.filter(ids.contains)
            done.formUnion(members)
            let labelField = group.labels.first(where: ids.contains) ?? id
            let values = members.map { value(of: $0, alone: members.count == 1) }
            lines.append((fields.flow.profile.label(labelField), values.filter { !$0.isEmpty }.joined(separator: "  ")))
        }
        return lines
    }

    func field() -> FormField {
        let width = lines.map { DisplayWidth.columns(of: $0.label) }.max() ?? 0
        let text = lines.map { TextLayout.pad($0.label, to: width) + "  " + ($0.value.isEmpty ? "（未填写）" : $0.value) }
        return FormField(id: "summary", control: .note(text.joined(separator: "\n"), style: .normal))
    }

    /// The value as the summary gives it; a date that shares a line says what it is.
    private func value(of id: String, alone: Bool) -> String {
        let form = fields.flow.form
        switch id {
        case "cardPhoto": return form.cardPhoto.map(StepFields.uploaded) ?? "未上传"
        case "idCardFront": return form.idCardFront.map(StepFields.uploaded) ?? "未上传"
        case "idCardBack": return form.idCardBack.map(StepFields.uploaded) ?? "未上传"
        case "validityStart": return form.validityStart.map { (alone ? "" : "有效期自 ") + $0.description } ?? ""
        case "validity": return fields.fields(for: id).first.map { (alone ? "" : "有效期 ") + $0.shownValue } ?? ""
        default: return fields.fields(for: id).first?.shownValue ?? ""
        }
    }
}
