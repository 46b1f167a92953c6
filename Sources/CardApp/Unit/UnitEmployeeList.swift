import CardDomain

/// Every employee of a unit with their collective application's status (D13: 待确认 until
/// they confirm), for 职工申请信息提交 and 职工申请情况查询: filtered by status, searched
/// by name or the last digits of the ID number, and counted per status.
struct UnitEmployeeList: Equatable, Sendable {
    struct Row: Equatable, Sendable {
        var person: PersonRecord
        var application: ApplicationBrief?
        var status: ApplicationStatus
        /// The latest confirmation's time (D14), what a submission is checked against (D16).
        var confirmedAt: Int64?

        var isSubmittable: Bool { status == .confirmed && application != nil && confirmedAt != nil }
    }

    let rows: [Row]

    init(unit: String, state: CardState) {
        let people = state.persons.persons(ofUnit: unit, limit: .max)
            .filter { $0.status == .employed && $0.unitNumber == unit }
        // Each employee's latest collective application here: the unit's briefs in id order,
        // read in one pass rather than each employee's applications in full.
        var latest: [String: ApplicationBrief] = [:]
        for brief in state.applications.briefs(ofUnit: unit) where brief.kind == .unit { latest[brief.personNumber] = brief }
        rows = people.map { person in
            let application = latest[person.documentNumber]
            return Row(person: person, application: application, status: application?.status ?? .awaitingConfirmation,
                       confirmedAt: application?.confirmedAt)
        }.sorted { ($0.confirmedAt ?? .max, $0.person.documentNumber) < ($1.confirmedAt ?? .max, $1.person.documentNumber) }
    }

    /// The rows in `status` (all when nil) whose name contains `query` or whose ID number
    /// ends with it.
    func filtered(status: ApplicationStatus?, query: String) -> [Row] {
        let text = query.trimmingSpaces.uppercased()
        return rows.filter { row in
            (status == nil || row.status == status)
                && (text.isEmpty || row.person.name.contains(text) || row.person.documentNumber.hasSuffix(text))
        }
    }

    /// How many employees are in each status, in D3's order, leaving out the empty ones.
    var counts: [(status: ApplicationStatus, count: Int)] {
        var byStatus: [ApplicationStatus: Int] = [:]
        for row in rows { byStatus[row.status, default: 0] += 1 }
        return ApplicationStatus.allCases.compactMap { status in byStatus[status].map { (status, $0) } }
    }

    /// "待确认 12  信息已确认 30  已提交 100" (no "·": it is of ambiguous width in CJK terminals).
    var countLine: String {
        counts.map { "\($0.status.rawValue) \($0.count)" }.joined(separator: "  ")
    }
}
