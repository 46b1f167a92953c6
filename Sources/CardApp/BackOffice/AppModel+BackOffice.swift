import CardDomain
import CardStore
import TerminalUI

/// Back office (D3): applications by status, and the moves after 已提交, each recorded with
/// who made it and why; the domain refuses a move D3 does not allow.
extension AppModel {
    mutating func handleBackOffice(_ key: Key, now: Int64) {
        switch page {
        case .queue(var screen):
            if key == .escape { return goHome() }
            let (_, action) = screen.handle(key)
            page = .queue(screen)
            switch action {
            case .filter(let status)?: showQueue(status)
            case .search(let query)?: showQueue(screen.status, query: query)
            case .open(let id)?: openReview(id, returnTo: screen.status, query: screen.query, now: now)
            case nil: break
            }
        case .review(var screen):
            if key == .escape { return showQueue(screen.returnTo, query: screen.returnQuery) }
            let (_, action) = screen.handle(key)
            page = .review(screen)
            switch action {
            case .move(let target, let reason, let tracking)?:
                move(screen, to: target, reason: reason, trackingNumber: tracking, now: now)
            case .back?: showQueue(screen.returnTo, query: screen.returnQuery)
            case nil: break
            }
        default:
            break
        }
    }

    mutating func showQueue(_ status: ApplicationStatus, query: String = "", selecting row: Int = 0) {
        catchUp()
        page = .queue(QueueScreen(status: status, state: environment.repository.state, query: query, selecting: row))
    }

    /// Other clerks' records arrived: a queue being looked through shows them at once, its
    /// cursor on the same application (on the same row when that one has left the list).
    /// Nothing is rebuilt under a query being typed or a status list that is open.
    mutating func refreshQueueInPlace() {
        guard case .queue(let screen) = page, overlay == nil, screen.form.openSelect == nil,
              screen.form.focusedField?.id != "query" else { return }
        var fresh = QueueScreen(status: screen.status, state: environment.repository.state, query: screen.query,
                                selecting: screen.selectedRow, keeping: screen.form.value("applications"))
        if let focused = screen.form.focusedField?.id, fresh.form.fields.contains(where: { $0.id == focused }) {
            fresh.updateForm { $0.focus(on: focused) }
        }
        page = .queue(fresh)
    }

    private mutating func openReview(_ id: String, returnTo: ApplicationStatus, query: String, now: Int64) {
        guard let application = environment.repository.state.applications[id],
              let state = recordView(of: application.personNumber, opening: "申请", now: now) else { return }
        page = .review(ReviewScreen(application: application, person: state.person(application.personNumber), returnTo: returnTo,
                                    returnQuery: query))
    }

    private mutating func move(_ screen: ReviewScreen, to target: ApplicationStatus, reason: String, trackingNumber: String,
                               now: Int64) {
        guard let actor = session?.actor else { return }
        // Where the moved application stood in its list: afterwards the cursor stays on
        // that row, which is now the next application of the same list.
        let row = QueueScreen.list(status: screen.returnTo, query: screen.returnQuery, in: environment.repository.state)
            .firstIndex { $0.id == screen.applicationID } ?? 0
        let command = Command.changeStatus(applicationID: screen.applicationID, to: target,
                                           reason: reason.trimmingSpaces.isEmpty ? nil : reason,
                                           trackingNumber: trackingNumber.trimmingSpaces.isEmpty ? nil : trackingNumber)
        do {
            try environment.repository.execute(command, by: actor, context: environment.context(now: now))
        } catch CommandRefusal.invalid(let problems) {
            var screen = screen
            screen.show(problems: problems)
            return page = .review(screen)
        } catch {
            return overlay = message("未能变更状态", "\(error)", tone: .error)
        }
        showQueue(screen.returnTo, query: screen.returnQuery, selecting: row)
        overlay = message("已变更", "\(screen.applicationID) 已改为「\(target.rawValue)」。", tone: .success, button: "继续")
    }
}
