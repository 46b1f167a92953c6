extension CardState {
    /// Authorises and validates `command` against this state and answers with the events
    /// to append, or why not. Pure: nothing changes until the events are appended and
    /// applied. An empty answer means there is nothing to record (the same data again).
    public func decide(_ command: Command, by actor: Actor, context: CommandContext,
                       reference: ReferenceData) -> Result<[DomainEvent], CommandRefusal> {
        if let reason = Authorization.refusal(of: command, by: actor, in: self) { return .failure(.notAllowed(reason)) }
        switch command {
        case .recordPerson(let person):
            var problems = PersonRecordCheck.problems(person, reference: reference, today: context.today)
            if let unit = person.unitNumber, person.status == .employed, units[unit] == nil {
                problems.append(FieldProblem(field: "单位编号", message: "单位 \(unit) 不在单位名录中，请先导入单位"))
            }
            if !problems.isEmpty { return .failure(.invalid(problems)) }
            return .success(persons.person(person.documentNumber) == person ? [] : [.personRecorded(person)])
        case .recordUnit(var unit):
            if case .failure(let problem) = CreditCode.parse(unit.creditCode) { return .failure(.invalid([problem])) }
            if let owner = units.values.first(where: { $0.creditCode == unit.creditCode && $0.number != unit.number }) {
                return .failure(.invalid([FieldProblem(field: "统一社会信用代码", message: "已属于单位 \(owner.number)（\(owner.name)）")]))
            }
            // The bureau's file says nothing of the unit's collective application: a second
            // import keeps what the unit's operator set.
            if unit.collective == nil { unit.collective = units[unit.number]?.collective }
            return .success(units[unit.number] == unit ? [] : [.unitRecorded(unit)])
        case .recordAccount(let account):
            guard PasswordHash(encoded: account.passwordHash) != nil else {
                return .failure(.invalid([FieldProblem(field: "密码", message: "只能保存 scrypt 密码摘要，不能保存明文")]))
            }
            return .success(accounts[account.username] == account ? [] : [.accountRecorded(account)])
        case .changeAccount(let request):
            return decideAccount(request, by: actor, now: context.now, reference: reference)
        case .setPasswordWithSMS(let number, let matched, let hash):
            return setPasswordWithSMS(number, codeMatched: matched, passwordHash: hash, now: context.now, policy: reference.loginPolicy.sms)
        case .viewPerson(let number):
            guard persons.person(number) != nil else { return .failure(.notFound("没有找到证件号码为 \(PrivacyMask.identityNumber(number)) 的人员")) }
            return .success(actor.role == .person ? [] : [.personViewed(personNumber: number)])
        case .saveDraft(let number, let step, let form):
            guard persons.person(number) != nil else { return .failure(.notFound("没有找到该人员的参保信息")) }
            if let current = applicationInProgress(of: number), !current.isOpenToConfirmation {
                return .failure(.refused("已有一笔申请正在办理（办事编号 \(current.id)），不能再保存新的草稿"))
            }
            return .success([.draftSaved(.init(personNumber: number, step: step, form: form))])
        case .submitApplication(let number, let form):
            return submit(number, form, context: context, reference: reference)
        case .resubmitApplication(let id, let form):
            return resubmit(id, form, context: context, reference: reference)
        case .withdrawApplication(let id):
            return changeStatus(id, to: .withdrawn, reason: "申请人撤销", trackingNumber: nil, actor: actor)
        case .saveCollectiveSettings(let unit, let settings):
            return saveCollective(settings, of: unit, context: context, reference: reference)
        case .submitEmployees(let unit, let items):
            return submitEmployees(items, of: unit)
        case .confirmEmployeeData(let number, let form):
            return confirmEmployee(number, form, context: context, reference: reference)
        case .changeStatus(let id, let target, let reason, let tracking):
            return changeStatus(id, to: target, reason: reason, trackingNumber: tracking, actor: actor)
        case .recordLoginAttempt(let username, let method, let matched, let captcha):
            return decideLogin(username: username, method: method, passwordMatched: matched, captcha: captcha,
                               terminal: context.terminal, now: context.now, policy: reference.loginPolicy)
        case .requestLoginCode(let hash, let method, let group, let expected):
            return requestCode(hash, method: method, actor: group, expected: expected, context: context, policy: reference.loginPolicy)
        case .decideLoginCode(let code, let identity, let reason):
            return decideCode(code, identity: identity, reason: reason, now: context.now)
        case .completeCodeLogin(let hash):
            return completeCode(hash, now: context.now)
        case .requestSMSCode(let phone, let hash):
            return requestSMSCode(phone: phone, codeHash: hash, now: context.now, policy: reference.loginPolicy.sms)
        case .checkSMSCode(let phone, let matched):
            return checkSMSCode(phone: phone, codeMatched: matched, now: context.now, policy: reference.loginPolicy.sms)
        case .completeRealName(let number, let hash):
            return completeRealName(number, codeHash: hash, channel: context.channel, now: context.now)
        case .revokeCertificate(let serial, let reason):
            return revokeCertificate(serial, reason: reason)
        case .failCertificatePassword(let serial, let key, let unit):
            return failCertificatePassword(serial, key: key, unit: unit, now: context.now, policy: reference.loginPolicy)
        case .completeCertificateLogin(let login):
            return completeCertificateLogin(login, now: context.now)
        case .recordJournalExport(let scope, let from):
            return .success([.journalExported(.init(scope: scope, fromSequence: from))])
        }
    }

    /// 办事编号 for the next application: SB, the date, and a running number.
    public func nextApplicationID(today: CalendarDate) -> String {
        "SB" + today.description.filter(\.isASCIIDigit) + (applications.count + 1).zeroPadded(6)
    }

    private func submit(_ number: String, _ form: ApplicationForm, context: CommandContext,
                        reference: ReferenceData) -> Result<[DomainEvent], CommandRefusal> {
        guard let person = persons.person(number) else { return .failure(.notFound("没有找到该人员的参保信息")) }
        // An expired ID is fixed by entering the renewed card's start date in the form.
        let blocking = Eligibility.blocking(for: person, in: self, today: context.today, entersRenewedStart: form.validityStart != nil)
        if !blocking.isEmpty { return .failure(.refused(blocking.map(\.message).joined(separator: "\n"))) }
        let id = nextApplicationID(today: context.today)
        return checkedForm(form, of: person, channel: context.channel, context: context, reference: reference).map {
            [.applicationSubmitted(.init(applicationID: id, personNumber: number, unitNumber: nil, kind: .personal, form: $0))]
        }
    }

    /// Only an application sent back to its applicant may be resubmitted, through the
    /// channel it was made in, with a form that passes the same checks as a first submission.
    private func resubmit(_ id: String, _ form: ApplicationForm, context: CommandContext,
                          reference: ReferenceData) -> Result<[DomainEvent], CommandRefusal> {
        guard let application = applications[id], let person = persons.person(application.personNumber) else {
            return .failure(.notFound("没有找到办事编号为 \(id) 的申请"))
        }
        guard application.status.isSentBack else {
            return .failure(.refused("该申请的状态为「\(application.status.rawValue)」，不需要重新提交"))
        }
        return checkedForm(form, of: person, channel: application.channel, kind: application.kind,
                           context: context, reference: reference).map {
            [.applicationResubmitted(.init(applicationID: id, from: application.status, form: $0))]
        }
    }

    /// The form as it will be recorded: checked against the channel's flow for this kind of
    /// application (every problem at once), with the bank (and a fixed branch) forced to
    /// the applicant's terms (BR-BANK-1, D6), and no mail details unless the card is mailed.
    func checkedForm(_ form: ApplicationForm, of person: PersonRecord, channel: Channel, kind: Application.Kind = .personal,
                     terms: ApplicantTerms? = nil, context: CommandContext,
                     reference: ReferenceData) -> Result<ApplicationForm, CommandRefusal> {
        guard let profile = reference.channel(channel) else {
            return .failure(.refused("渠道「\(channel.label)」没有配置申领流程"))
        }
        let flow = profile.flow(kind)
        guard let terms = terms ?? ApplicantTerms.of(person, kind: kind, in: self, flow: flow) else {
            return .failure(.refused("您所在单位尚未开通集体申请，请联系单位经办人"))
        }
        let problems = ApplicationCheck.problems(form, person: person, profile: profile, flow: flow, terms: terms,
                                                 reference: reference, today: context.today)
        if !problems.isEmpty { return .failure(.invalid(problems)) }
        var checked = form
        checked.bank = terms.bank
        checked.branch = terms.branchIsChoosable ? (form.branch ?? terms.branch) : terms.branch
        // Stored as checked: the one dot, no surrounding spaces.
        checked.residenceAddress = form.residenceAddress?.trimmingSpaces
        guard form.pickupMethod == .bankMail else {
            // The mail fields were hidden: what they held was never the applicant's choice.
            checked.mailing = nil
            return .success(checked)
        }
        if var mail = checked.mailing {
            mail.recipientName = PersonName.normalised(mail.recipientName)
            mail.address = mail.address.trimmingSpaces
            // A channel that does not ask for the district must not record one the applicant
            // never saw (the person's own district once stood for a 海淀 address): it is read
            // from the address they typed, or left out.
            if !flow.mailFields.contains("mailDistrict") {
                mail.district = reference.districtNamed(in: mail.address)?.code
            }
            if !flow.mailFields.contains("postalCode") { mail.postalCode = nil }
            checked.mailing = mail
        }
        return .success(checked)
    }

    func changeStatus(_ id: String, to target: ApplicationStatus, reason: String?, trackingNumber: String?,
                              actor: Actor) -> Result<[DomainEvent], CommandRefusal> {
        guard let application = applications[id] else { return .failure(.notFound("没有找到办事编号为 \(id) 的申请")) }
        if case .failure(let refusal) = application.status.transition(to: target, by: actor.role) {
            return .failure(.refused(refusal.reason))
        }
        let needsReason: Set<ApplicationStatus> = [.photoRejected, .accountOpeningFailed, .productionFailed]
        if needsReason.contains(target), (reason ?? "").trimmingSpaces.isEmpty {
            return .failure(.invalid([FieldProblem(field: "原因", message: "请填写「\(target.rawValue)」的原因，申请人会看到它")]))
        }
        if let reason, let problem = FreeText.problem(reason, maximumCharacters: 200) {
            return .failure(.invalid([FieldProblem(field: "原因", message: problem)]))
        }
        if let trackingNumber, let problem = FreeText.problem(trackingNumber, maximumCharacters: 40) {
            return .failure(.invalid([FieldProblem(field: "邮寄单号", message: problem)]))
        }
        if target == .mailed, (trackingNumber ?? "").trimmingSpaces.isEmpty {
            return .failure(.invalid([FieldProblem(field: "邮寄单号", message: "请填写邮寄单号")]))
        }
        if target == .mailed, application.form.pickupMethod != .bankMail {
            return .failure(.refused("该申请的领卡方式不是银行邮寄，请改为「待领取」"))
        }
        if target == .awaitingPickup, application.form.pickupMethod == .bankMail {
            return .failure(.refused("该申请的领卡方式为银行邮寄，请改为「已寄出」并填写邮寄单号"))
        }
        return .success([.statusChanged(.init(applicationID: id, from: application.status, to: target,
                                              reason: reason?.trimmingSpaces, trackingNumber: trackingNumber?.trimmingSpaces))])
    }
}
