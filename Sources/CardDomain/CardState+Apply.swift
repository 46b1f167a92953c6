extension CardState {
    /// Applies one event that was decided and appended. Never fails: the journal is the
    /// truth, and an event that refers to something unknown changes nothing.
    public mutating func apply(_ envelope: EventEnvelope) {
        switch envelope.event {
        case .personRecorded(let person):
            persons.record(person)
        case .unitRecorded(let unit):
            units[unit.number] = unit
        case .accountRecorded(let account):
            accounts[account.username] = account
        case .personViewed:
            // Journalled for the audit (PersonView reads it back), and held nowhere else.
            break
        case .draftSaved(let draft):
            drafts[draft.personNumber] = Draft(channel: envelope.channel, step: draft.step, form: draft.form,
                                               savedAt: envelope.at, savedBy: envelope.actor)
        case .applicationSubmitted(let submitted):
            applySubmission(submitted, envelope)
        case .statusChanged(let change):
            applyStatusChange(change, envelope)
        case .applicationResubmitted(let resubmitted):
            guard var application = applications[resubmitted.applicationID] else { return }
            application.form = resubmitted.form
            applications[application.id] = application
            applyStatusChange(.init(applicationID: application.id, from: resubmitted.from, to: .submitted,
                                    reason: "申请人已修改并重新提交"), envelope)
        case .collectiveSettingsSaved(let saved):
            units[saved.unitNumber]?.collective = saved.settings
        case .employeeConfirmed(let confirmed):
            applyConfirmation(confirmed, envelope)
        case .employeesSubmitted:
            break  // the moves to 已提交 are the statusChanged events that follow it
        case .loginCodeRequested(let requested):
            loginCodes[requested.codeHash] = LoginCode(method: requested.method, actor: requested.actor, channel: envelope.channel,
                                                       terminal: envelope.terminal, expiresAt: requested.expiresAt,
                                                       decision: nil, used: false)
        case .loginCodeDecided(let decided):
            loginCodes[decided.codeHash]?.decision = decided.decision
        case .loginAttempted(let attempt):
            if let hash = attempt.codeHash { loginCodes[hash]?.used = true }
            applyLogin(attempt, terminal: envelope.terminal, at: envelope.at)
        case .smsCodeSent(let sent):
            let failures = smsLogins[sent.phone]?.failures ?? 0
            smsLogins[sent.phone] = SMSLogin(codeHash: sent.codeHash, sentAt: envelope.at, expiresAt: sent.expiresAt, failures: failures)
        case .smsCodeChecked(let checked):
            applySMSCheck(checked)
        case .realNameVerified(let verified):
            realNames[verified.personNumber, default: []].insert(envelope.channel)
            loginCodes[verified.codeHash]?.used = true
        case .certificateRevoked(let revoked):
            revokedCertificates[revoked.serial] = revoked.reason
        case .certificatePasswordFailed(let failed):
            applyCertificatePasswordFailure(failed)
        case .journalExported:
            break  // the journal itself is the audit record of exports
        case .unrecognised:
            unrecognisedEvents += 1
        }
    }

    private mutating func applySubmission(_ submitted: DomainEvent.ApplicationSubmitted, _ envelope: EventEnvelope) {
        let entry = Application.TimelineEntry(status: .submitted, at: envelope.at, channel: envelope.channel,
                                              actor: envelope.actor, role: envelope.role)
        let application = Application(
            id: submitted.applicationID, personNumber: submitted.personNumber, unitNumber: submitted.unitNumber,
            kind: submitted.kind, channel: envelope.channel,
            assistedBy: envelope.role == .counterClerk ? envelope.actor : nil,
            status: .submitted, form: submitted.form, timeline: [entry])
        applications[application.id] = application
        applicationsByPerson[application.personNumber, default: []].append(application.id)
        if let unit = application.unitNumber { applicationsByUnit[unit, default: []].append(application.id) }
        applicationsByStatus[.submitted, default: SortedIDs()].insert(application.id)
        drafts[submitted.personNumber] = nil
    }

    mutating func applyStatusChange(_ change: DomainEvent.StatusChanged, _ envelope: EventEnvelope) {
        guard var application = applications[change.applicationID] else { return }
        applicationsByStatus[application.status]?.remove(application.id)
        application.status = change.to
        application.timeline.append(Application.TimelineEntry(
            status: change.to, at: envelope.at, channel: envelope.channel, actor: envelope.actor,
            role: envelope.role, reason: change.reason, trackingNumber: change.trackingNumber))
        applications[application.id] = application
        applicationsByStatus[change.to, default: SortedIDs()].insert(application.id)
    }
}
