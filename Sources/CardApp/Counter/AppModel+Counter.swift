import CardDomain
import CardStore
import TerminalUI

/// The counter (D1, D12): a clerk looks a person up, checks the ID card in hand against the
/// detail (the view is recorded), and applies on the person's behalf (代办).
extension AppModel {
    mutating func handleCounter(_ key: Key, now: Int64) {
        switch page {
        case .personLookup(var screen):
            if key == .escape { return goHome() }
            let (_, action) = screen.handle(key)
            page = .personLookup(screen)
            switch action {
            case .search(let query)?:
                catchUp()
                let state = environment.repository.state
                let results = PersonLookupScreen.find(query, in: state)
                var found = PersonLookupScreen(query: query, results: results, state: state)
                // A number that is not valid is not "not found": say what is wrong with it.
                if results.isEmpty, let problem = PersonLookupScreen.numberProblem(query) {
                    found.updateForm { $0.show(problems: [("query", problem)]) }
                }
                page = .personLookup(found)
            case .open(let number)?: openPersonDetail(number, now: now)
            case nil: break
            }
        case .personDetail(var screen):
            if key == .escape { return page = .personLookup(PersonLookupScreen()) }
            let (_, action) = screen.handle(key)
            page = .personDetail(screen)
            switch action {
            case .apply?:
                session?.actor.assisting = screen.person.documentNumber
                if screen.person.status == .employed {
                    startConfirmation(for: screen.person, now: now)
                } else {
                    startApplication(for: screen.person, now: now)
                }
            case .progress?: showProgress(of: screen.person.documentNumber)
            case .receipt(let id)?: showReceipt(id)
            case .history?: showHistory(of: screen.person)
            case .back?: page = .personLookup(PersonLookupScreen())
            case nil: break
            }
        default:
            break
        }
    }

    /// Records that this session looks at `number` (D12) and answers the state to draw
    /// from; nil, with the reason on screen, when the view could not be recorded: then
    /// nothing of the person is shown.
    mutating func recordView(of number: String, opening what: String, now: Int64) -> CardState? {
        guard let actor = session?.actor else { return nil }
        do {
            try environment.repository.execute(.viewPerson(personNumber: number), by: actor, context: environment.context(now: now))
        } catch {
            overlay = message("无法打开\(what)", "\(error)", tone: .error)
            return nil
        }
        return environment.repository.state
    }

    /// Opens a person's detail for staff, the view recorded first (D12).
    mutating func openPersonDetail(_ number: String, now: Int64) {
        guard let state = recordView(of: number, opening: "人员信息", now: now), let person = state.person(number) else { return }
        page = .personDetail(PersonDetailScreen(person: person, state: state, reference: reference, today: today,
                                                    profile: environment.profile))
    }

    /// The person's 变更记录 below their detail; the view itself was recorded on opening.
    mutating func showHistory(of person: PersonRecord) {
        let history: [PersonHistory.Entry]
        do {
            history = try PersonHistory(documentNumber: person.documentNumber, data: environment.repository.data).entries
        } catch {
            overlay = message("无法读取变更记录", "\(error)", tone: .error)
            return
        }
        let state = environment.repository.state
        page = .personDetail(PersonDetailScreen(person: state.person(person.documentNumber) ?? person, state: state, reference: reference,
                                                today: today, profile: environment.profile, history: history))
    }

    mutating func showReceipt(_ id: String) {
        let state = environment.repository.state
        guard let application = state.applications[id], let person = state.person(application.personNumber),
              let profile = reference.channel(application.channel) else { return }
        page = .receipt(ReceiptScreen(application: application, person: person, profile: profile, message: nil,
                                      nextSteps: environment.policy.nextSteps(after: application.form.pickupMethod), printable: session?.actor.role.isStaff == true,
                                      essentialsOnly: environment.options.elder))
    }
}
