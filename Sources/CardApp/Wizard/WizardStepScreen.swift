import CardDomain
import CardWizards
import TerminalUI

/// One page of an applicant flow (a retiree's application, an employee's confirmation):
/// the channel's step, its fields and its button. The model reads the form back into the
/// flow, checks it, and saves the draft.
public struct WizardStepScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        /// The page's button (or Enter after the last field).
        case next
        /// Enter on a photo field: open the file picker for it.
        case choosePhoto(String)
        /// A field other fields depend on changed: the page must show what now applies.
        case conditionChanged(String)
    }

    public internal(set) var flow: ApplicantFlow
    public private(set) var form: Form
    /// The application as it stood when this page opened: what Esc on the first page would
    /// throw away is the difference (typed values, a photo chosen).
    let startForm: ApplicationForm

    init(flow: ApplicantFlow, fields: StepFields, startForm: ApplicationForm? = nil) {
        self.flow = flow
        form = fields.form()
        self.startForm = startForm ?? flow.form
    }

    public var title: String { flow.heading }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let drivers = flow.conditionDrivers.filter { form.index(of: $0) != nil }.sorted()
        let before = drivers.map { form.value($0) }
        let event = form.handle(key)
        if let changed = drivers.indices.first(where: { form.value(drivers[$0]) != before[$0] }) {
            return (event, .conditionChanged(drivers[changed]))
        }
        switch event {
        case .submitted, .pressed("next"): return (event, .next)
        case .pressed(let id): return (event, .choosePhoto(id))
        default: return (event, nil)
        }
    }

    public var hints: [KeyHint] {
        [KeyHint("Tab", "下一项"), KeyHint("Enter", flow.nextButton), KeyHint("Esc", flow.isFirstPage ? "返回首页" : "上一步"), .help, .logout]
    }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
