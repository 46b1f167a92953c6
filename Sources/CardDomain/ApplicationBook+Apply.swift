/// How the application events change the book: the one place, used alike by a process's
/// state and by the shared index catching up with the journal.
///
/// A new application or a draft is a whole value, right as of its event whatever the base
/// holds. A change to an application is applied to it as it was just before the event, and
/// skipped when the base has applied the event already (see `beforeEvent`).
extension ApplicationBook {
    /// Applies an event about applications or drafts, journalled at `sequence` (`.max` for
    /// one being decided, which no base holds yet); false for any other event.
    public mutating func apply(_ envelope: EventEnvelope, at sequence: UInt64 = .max) -> Bool {
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
            let found = beforeEvent(change.applicationID, at: sequence)
            guard !found.reflected, let application = found.application else { return true }
            applyStatusChange(change, to: application, envelope)
        case .applicationResubmitted(let resubmitted):
            let found = beforeEvent(resubmitted.applicationID, at: sequence)
            guard !found.reflected, var application = found.application else { return true }
            application.form = resubmitted.form
            applyStatusChange(.init(applicationID: application.id, from: resubmitted.from, to: .submitted,
                                    reason: "申请人已修改并重新提交"), to: application, envelope)
        case .employeeConfirmed(let confirmed):
            applyConfirmation(confirmed, envelope, at: sequence)
        default:
            return false
        }
        return true
    }

    private mutating func applyStatusChange(_ change: DomainEvent.StatusChanged, to application: Application, _ envelope: EventEnvelope) {
        var application = application
        application.status = change.to
        application.timeline.append(Application.TimelineEntry(
            status: change.to, at: envelope.at, channel: envelope.channel, actor: envelope.actor,
            role: envelope.role, reason: change.reason, trackingNumber: change.trackingNumber))
        put(application)
    }

    private mutating func applyConfirmation(_ confirmed: DomainEvent.EmployeeConfirmed, _ envelope: EventEnvelope, at sequence: UInt64) {
        removeDraft(of: confirmed.personNumber)
        let found = beforeEvent(confirmed.applicationID, at: sequence)
        if found.reflected { return }
        if var application = found.application {
            let wasConfirmed = application.status == .confirmed
            application.form = confirmed.form
            applyStatusChange(.init(applicationID: application.id, from: application.status, to: .confirmed,
                                    reason: wasConfirmed ? "职工修改了确认信息" : "职工已重新确认"), to: application, envelope)
            return
        }
        let entry = Application.TimelineEntry(status: .confirmed, at: envelope.at, channel: envelope.channel,
                                              actor: envelope.actor, role: envelope.role)
        put(Application(id: confirmed.applicationID, personNumber: confirmed.personNumber, unitNumber: confirmed.unitNumber,
                        kind: .unit, channel: envelope.channel, assistedBy: envelope.role == .counterClerk ? envelope.actor : nil,
                        status: .confirmed, form: confirmed.form, timeline: [entry]))
    }
}
