import CardDomain

extension SharedIndex {
    /// How the index's applications and drafts differ from `expected`, a replay of the
    /// journal to the index's position held in memory: every application with its person,
    /// unit and status entries, the count per status, and every draft. Numbers are masked.
    func applicationDifferences(from expected: ApplicationBook) throws -> [String] {
        let tables = environment.tables
        let applications = applicationTables
        let wanted = expected.changes
        let drafts = expected.draftChanges.compactMapValues { $0 }
        var found: [String] = []
        try environment.read { transaction in
            let held = (applications: try transaction.count(tables.applications), persons: try transaction.count(tables.applicationsByPerson),
                        units: try transaction.count(tables.applicationsByUnit), statuses: try transaction.count(tables.applicationsByStatus),
                        drafts: try transaction.count(tables.drafts))
            if held.applications != wanted.count { found.append("index holds \(held.applications) applications, the journal \(wanted.count)") }
            if held.persons != wanted.count { found.append("person index of applications holds \(held.persons) entries for \(wanted.count)") }
            if held.statuses != wanted.count { found.append("status index holds \(held.statuses) entries for \(wanted.count) applications") }
            // Counted and walked without copying every application (see the persons' verify).
            let ofUnits = wanted.values.count { $0.unitNumber != nil }
            if held.units != ofUnits { found.append("unit index of applications holds \(held.units) entries for \(ofUnits)") }
            if held.drafts != drafts.count { found.append("index holds \(held.drafts) drafts, the journal \(drafts.count)") }
            for status in ApplicationStatus.allCases {
                let counted = try applications.count(in: status, transaction)
                let real = wanted.values.count { $0.status == status }
                if counted != real { found.append("index counts \(counted) applications in 「\(status.rawValue)」, the journal \(real)") }
            }
            try listingCountDifferences(of: wanted.values, in: transaction).forEach { if found.count < 20 { found.append($0) } }
            for id in wanted.keys.sorted() where found.count < 20 {
                guard let application = wanted[id] else { continue }
                let stored = try applications.application(id, in: transaction)
                if stored != application { found.append("application \(id): the index \(stored == nil ? "lacks it" : "holds another record")") }
                let status = ApplicationTables.field(application.status.rawValue)
                let brief = ApplicationBrief(application)
                func holdsBrief(_ value: [UInt8]?) -> Bool { value?.withUnsafeBytes(ApplicationBriefCodec.decode) == brief }
                if !holdsBrief(try transaction.get(tables.applicationsByStatus, status + Array(id.utf8))) {
                    found.append("application \(id): not in the status index with its brief")
                }
                if try transaction.get(tables.applicationsByPerson, ApplicationTables.field(application.personNumber) + Array(id.utf8)) == nil {
                    found.append("application \(id): not in the index of \(PrivacyMask.identityNumber(application.personNumber))'s applications")
                }
                if let unit = application.unitNumber,
                   !holdsBrief(try transaction.get(tables.applicationsByUnit, ApplicationTables.field(unit) + status + Array(id.utf8))) {
                    found.append("application \(id): not in the unit index of \(unit) with its brief")
                }
            }
            for (person, draft) in drafts.sorted(by: { $0.key < $1.key }) where found.count < 20 {
                if try applications.draft(of: person, in: transaction) != draft {
                    found.append("draft of \(PrivacyMask.identityNumber(person)): the index lacks it or holds another")
                }
            }
        }
        return found
    }

    /// How the stored `ListingCount`s of units' and persons' applications differ from `applications`.
    private func listingCountDifferences(of applications: Dictionary<String, Application>.Values,
                                         in transaction: LMDBTransaction) throws -> [String] {
        var ofUnits: [String: Int] = [:], ofPersons: [String: Int] = [:]
        for application in applications {
            ofPersons[application.personNumber, default: 0] += 1
            if let unit = application.unitNumber { ofUnits[unit + "\u{0}" + application.status.rawValue, default: 0] += 1 }
        }
        var found: [String] = []
        let meta = environment.tables.meta
        for (kind, wanted) in [("unit applications", ofUnits), ("person applications", ofPersons)] {
            let counted = try ListingCount.stored(kind, in: transaction, meta)
            for key in Set(wanted.keys).union(counted.keys).sorted() where wanted[key] != counted[key] && found.count < 20 {
                let whose = kind == "person applications" ? PrivacyMask.identityNumber(key) : key.replacingOccurrences(of: "\u{0}", with: " ")
                found.append("\(kind) of \(whose): the index counts \(counted[key] ?? 0), the journal \(wanted[key] ?? 0)")
            }
        }
        return found
    }
}
