/// 职工申请信息提交 (U2, D16): the unit submits the ticked employees in one batch.
extension CardState {
    /// The time of the confirmation that counts (D14: the latest change).
    public static func confirmedAt(_ application: Application) -> Int64? {
        application.timeline.last { $0.status == .confirmed }?.at
    }

    /// Decides each ticked employee on the state as of now, under the journal's lock: those
    /// still 信息已确认, with the confirmation the operator saw, move to 已提交; the others
    /// are named with the reason. Refused outright while the unit is closed (D15), or
    /// when no one can be submitted.
    func submitEmployees(_ items: [SubmissionItem], of number: String) -> Result<[DomainEvent], CommandRefusal> {
        guard let unit = units[number] else { return .failure(.notFound("没有找到单位编号为 \(number) 的单位")) }
        guard unit.collective?.opened == true else {
            return .failure(.refused("单位已暂停集体申请（是否开通单位集中办卡：不开通），暂时不能提交。请先在「单位开通集体申请」中选择开通"))
        }
        guard !items.isEmpty else { return .failure(.invalid([FieldProblem(field: "选择", message: "请先勾选要提交的职工")])) }
        var submitted: [String] = []
        var moves: [DomainEvent] = []
        var skipped: [DomainEvent.EmployeesSubmitted.Skipped] = []
        var seen: Set<String> = []
        for item in items where seen.insert(item.applicationID).inserted {
            if let reason = skipReason(item, unit: number) {
                skipped.append(.init(applicationID: item.applicationID, reason: reason))
                continue
            }
            submitted.append(item.applicationID)
            moves.append(.statusChanged(.init(applicationID: item.applicationID, from: .confirmed, to: .submitted,
                                              reason: "单位集体提交")))
        }
        guard !submitted.isEmpty else {
            return .failure(.refused("所选职工都不能提交：\n" + skipped.map { "\(name(of: $0.applicationID))：\($0.reason)" }
                .joined(separator: "\n")))
        }
        return .success([.employeesSubmitted(.init(unitNumber: number, submitted: submitted, skipped: skipped))] + moves)
    }

    /// Why this employee is not submitted now, or nil.
    private func skipReason(_ item: SubmissionItem, unit: String) -> String? {
        guard let application = applications[item.applicationID], application.unitNumber == unit, application.kind == .unit else {
            return "不是本单位职工的集体申请"
        }
        guard application.status == .confirmed else {
            return application.status == .awaitingConfirmation ? "尚未确认个人信息" : "状态为「\(application.status.rawValue)」，不能提交"
        }
        guard Self.confirmedAt(application) == item.confirmedAt else {
            return "列表显示后职工修改了确认信息，请刷新后核对再提交"
        }
        return nil
    }

    /// The employee's name for a message, by application.
    public func name(of applicationID: String) -> String {
        applications[applicationID].flatMap { persons.person($0.personNumber)?.name } ?? applicationID
    }
}
