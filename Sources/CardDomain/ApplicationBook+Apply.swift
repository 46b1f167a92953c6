/// How the application events change the book: the one place, used alike by a process's
/// state and by the shared index catching up with the journal.
extension ApplicationBook {
    /// Applies an event about applications or drafts; false for any other event.
    public mutating func apply(_ envelope: EventEnvelope) -> Bool {
        switch envelope.event {
        case .draftSaved(let draft):
            saveDraft(CardState.Draft(channel: envelope.channel, step: draft.step, form: draft.form,
                                      savedAt: envelope.at, savedBy: envelope.actor), of: draft.personNumber)
        case .applicationSubmitted(let submitted):
            let entry = Application.TimelineEntry(status: .submitted, at: envelope.at, channel: envelope.channel,
                                                  actor: envelope.actor, role: envelope.role)
            put(Application(id: submitted.applicationID, personNumber: submitted.personNumber, unitNumber: submitted.unitNumber,
                            kind: submitted.kind, channel: envelope.channel,
                            assistedBy: envelope.role == .counterClerk ? envelope.actor : nil,
                            status: .submitted, form: submitted.form, timeline: [entry]))
            removeDraft(of: submitted.personNumber)
        case .statusChanged(let change):
            applyStatusChange(change, envelope)
        case .applicationResubmitted(let resubmitted):
            guard var application = self[resubmitted.applicationID] else { return true }
            application.form = resubmitted.form
            put(application)
            applyStatusChange(.init(applicationID: application.id, from: resubmitted.from, to: .submitted,
                                    reason: "申请人已修改并重新提交"), envelope)
        case .employeeConfirmed(let confirmed):
            applyConfirmation(confirmed, envelope)
        default:
            return false
        }
        return true
    }

    private mutating func applyStatusChange(_ change: DomainEvent.StatusChanged, _ envelope: EventEnvelope) {
        guard var application = self[change.applicationID] else { return }
        application.status = change.to
        application.timeline.append(Application.TimelineEntry(
            status: change.to, at: envelope.at, channel: envelope.channel, actor: envelope.actor,
            role: envelope.role, reason: change.reason, trackingNumber: change.trackingNumber))
        put(application)
    }

    private mutating func applyConfirmation(_ confirmed: DomainEvent.EmployeeConfirmed, _ envelope: EventEnvelope) {
        removeDraft(of: confirmed.personNumber)
        if var application = self[confirmed.applicationID] {
            let wasConfirmed = application.status == .confirmed
            application.form = confirmed.form
            put(application)
            applyStatusChange(.init(applicationID: application.id, from: application.status, to: .confirmed,
                                    reason: wasConfirmed ? "职工修改了确认信息" : "职工已重新确认"), envelope)
            return
        }
        let entry = Application.TimelineEntry(status: .confirmed, at: envelope.at, channel: envelope.channel,
                                              actor: envelope.actor, role: envelope.role)
        put(Application(id: confirmed.applicationID, personNumber: confirmed.personNumber, unitNumber: confirmed.unitNumber,
                        kind: .unit, channel: envelope.channel, assistedBy: envelope.role == .counterClerk ? envelope.actor : nil,
                        status: .confirmed, form: confirmed.form, timeline: [entry]))
    }
}
