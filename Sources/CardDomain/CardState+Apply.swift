extension CardState {
    /// Applies one event that was decided and appended, at `sequence` in the journal (`.max`
    /// while it is being decided). Never fails: the journal is the truth, and an event that
    /// refers to something unknown changes nothing.
    public mutating func apply(_ envelope: EventEnvelope, at sequence: UInt64 = .max) {
        switch envelope.event {
        case .draftSaved, .applicationSubmitted, .statusChanged, .applicationResubmitted, .employeeConfirmed:
            _ = applications.apply(envelope, at: sequence)
        case .personRecorded(let person):
            persons.record(person)
        case .unitRecorded(let unit):
            units[unit.number] = unit
        case .accountRecorded(let account):
            accounts[account.username] = account
        case .accountChanged(let change):
            applyAccountChange(change)
        case .personViewed:
            // Journalled for the audit (PersonView reads it back), and held nowhere else.
            break
        case .collectiveSettingsSaved(let saved):
            units[saved.unitNumber]?.collective = saved.settings
        case .employeesSubmitted:
            break  // the moves to 已提交 are the statusChanged events that follow it
        case .loginCodeRequested(let requested):
            loginCodes[requested.codeHash] = LoginCode(method: requested.method, actor: requested.actor, channel: envelope.channel,
                                                       terminal: envelope.terminal, expiresAt: requested.expiresAt,
                                                       decision: nil, used: false, expected: requested.expected)
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
}
