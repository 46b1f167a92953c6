/// The unit's collective application (D5, D13–D15) and the employee's confirmation (flow E).
extension CardState {
    /// The reason an employee sent back by the unit's change sees (D15).
    public static let unitChangedReason = "单位已调整领卡方式或办卡银行，请重新确认个人信息"

    /// The unit's employees who confirmed with something `settings` no longer allows (a
    /// pickup method, or another bank) and whom the unit has not submitted (D15).
    public func employeesSentBack(byNew settings: UnitRecord.CollectiveSettings, of unit: String) -> [Application] {
        applications(ofUnit: unit, in: .confirmed).filter { application in
            guard application.kind == .unit else { return false }
            let allowed: [PickupMethod] = settings.unitCollects ? [.unitCollects] : [.branchPickup, .bankMail]
            let pickupGone = !(application.form.pickupMethod.map(allowed.contains) ?? false)
            return pickupGone || application.form.bank != settings.bank
        }
    }

    func saveCollective(_ settings: UnitRecord.CollectiveSettings, of number: String, context: CommandContext,
                        reference: ReferenceData) -> Result<[DomainEvent], CommandRefusal> {
        guard let unit = units[number] else { return .failure(.notFound("没有找到单位编号为 \(number) 的单位")) }
        var cleaned = settings
        cleaned.address = settings.address.trimmingSpaces
        cleaned.operatorName = PersonName.normalised(settings.operatorName)
        cleaned.operatorDocumentNumber = settings.operatorDocumentNumber.trimmingSpaces.uppercased()
        cleaned.operatorMobile = settings.operatorMobile.trimmingSpaces
        let problems = CollectiveSettingsCheck.problems(cleaned, reference: reference, today: context.today)
        if !problems.isEmpty { return .failure(.invalid(problems)) }
        if unit.collective == cleaned { return .success([]) }
        var events: [DomainEvent] = [.collectiveSettingsSaved(.init(unitNumber: number, settings: cleaned))]
        for application in employeesSentBack(byNew: cleaned, of: number) {
            events.append(.statusChanged(.init(applicationID: application.id, from: application.status, to: .awaitingConfirmation,
                                               reason: Self.unitChangedReason)))
        }
        return .success(events)
    }

    func confirmEmployee(_ number: String, _ form: ApplicationForm, context: CommandContext,
                         reference: ReferenceData) -> Result<[DomainEvent], CommandRefusal> {
        guard let person = persons.person(number) else { return .failure(.notFound("没有找到该人员的参保信息")) }
        let refusals = EmployeeEligibility.check(person, in: self, today: context.today, entersRenewedStart: form.validityStart != nil)
        if !refusals.isEmpty { return .failure(.refused(refusals.map(\.message).joined(separator: "\n"))) }
        guard let unit = person.unitNumber else { return .failure(.refused("没有查到您的参保单位")) }
        let existing = applications(ofPerson: number).first { $0.isOpenToConfirmation }
        let id = existing?.id ?? nextApplicationID(today: context.today)
        return checkedForm(form, of: person, channel: context.channel, kind: .unit, context: context, reference: reference).map {
            [.employeeConfirmed(.init(applicationID: id, personNumber: number, unitNumber: unit, form: $0))]
        }
    }
}
