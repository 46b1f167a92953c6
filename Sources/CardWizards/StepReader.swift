import CardDomain
import TerminalUI

/// Reads a page's form back into the application form, and finds what is wrong on that
/// page: the domain's own submission check (ApplicationCheck), kept to the fields shown,
/// plus what only the screen knows (a date that is not a date, an unticked 访问授权).
public struct StepReader {
    let reference: ReferenceData
    let today: CalendarDate

    public init(reference: ReferenceData, today: CalendarDate) {
        self.reference = reference
        self.today = today
    }

    /// Copies every field on the page into `flow`; returns problems of text that could not be read.
    public func read(_ screen: Form, into flow: inout ApplicantFlow) -> [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        var form = flow.form
        var mailing = form.mailing ?? MailingDetails(recipientName: "", recipientPhone: "", address: "")
        for id in flow.pageFields {
            let value = screen.value(id)
            switch id {
            case "validityStart":
                if let date = CalendarDate(value.trimmingSpaces) {
                    form.validityStart = date
                } else {
                    form.validityStart = nil
                    problems.append((id, "请按 年-月-日 填写，例如 2015-06-01"))
                }
            case "ethnicGroup": form.ethnicGroup = value.isEmpty ? nil : value
            case "occupation": form.occupation = value.isEmpty ? nil : value
            case "residenceDistrict": form.residenceDistrict = value.isEmpty ? nil : value
            case "residenceAddress": form.residenceAddress = value.trimmingSpaces
            case "mobile": form.mobile = value.trimmingSpaces
            // A fixed method (单位代领) is shown read-only: its label is not a value to read.
            case "pickupMethod": form.pickupMethod = PickupMethod(rawValue: value) ?? form.pickupMethod
            case "branch" where flow.terms.branchIsChoosable: form.branch = value.isEmpty ? nil : value
            case "recipientName": mailing.recipientName = value.trimmingSpaces
            case "recipientPhone": mailing.recipientPhone = value.trimmingSpaces
            case "mailDistrict": mailing.district = value.isEmpty ? nil : value
            case "postalCode": mailing.postalCode = value.trimmingSpaces
            case "mailAddress": mailing.address = value.trimmingSpaces
            case "accessAuthorisation": flow.authorised = value == "true"
            case "finalConsent": form.consented = value == "true"
            default: break
            }
        }
        form.mailing = mailing
        flow.form = form
        return problems
    }

    /// Every problem with the fields on this page, by field id, in the channel's words.
    public func problems(on flow: ApplicantFlow) -> [(field: String, message: String)] {
        let ids = flow.pageFields
        var found: [(field: String, message: String)] = []
        if ids.contains("accessAuthorisation"), !flow.authorised {
            found.append(("accessAuthorisation", "请先阅读并勾选访问授权，才能开始资格校验"))
        }
        var checked = flow.form
        // The form's own consent is asked only on its page; elsewhere it must not count.
        if !ids.contains("finalConsent") { checked.consented = true }
        let all = ApplicationCheck.problems(checked, person: flow.person, profile: flow.profile, flow: flow.definition,
                                            terms: flow.terms, reference: reference, today: today)
        for problem in all {
            guard let id = ids.first(where: { flow.profile.label($0) == problem.field }) else { continue }
            found.append((id, problem.message))
        }
        return found
    }
}
