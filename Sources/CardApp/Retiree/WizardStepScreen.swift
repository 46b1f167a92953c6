import CardDomain
import TerminalUI

/// One page of a retiree's application: the channel's step, its fields and its button.
/// The model reads the form back into the flow, checks it, and saves the draft.
public struct WizardStepScreen: AppScreen, Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        /// The page's button (or Enter after the last field).
        case next
        /// Enter on a photo field: open the file picker for it.
        case choosePhoto(String)
    }

    public internal(set) var flow: RetireeFlow
    public private(set) var form: Form
    /// The application as it stood when this page opened: what Esc on the first page would
    /// throw away is the difference (typed values, a photo chosen).
    let startForm: ApplicationForm

    init(flow: RetireeFlow, fields: StepFields, startForm: ApplicationForm? = nil) {
        self.flow = flow
        form = fields.form()
        self.startForm = startForm ?? flow.form
    }

    public var title: String { flow.heading }

    public mutating func handle(_ key: Key) -> (FormEvent, Action?) {
        let event = form.handle(key)
        switch event {
        case .submitted, .pressed("next"): return (event, .next)
        case .pressed(let id): return (event, .choosePhoto(id))
        default: return (event, nil)
        }
    }

    public var hints: [KeyHint] {
        [KeyHint("Tab", "下一项"), KeyHint("Enter", flow.nextButton), KeyHint("Esc", flow.step == 0 && flow.page == 0 ? "返回首页" : "上一步"), .help, .logout]
    }

    mutating func updateForm(_ change: (inout Form) -> Void) { change(&form) }
}
