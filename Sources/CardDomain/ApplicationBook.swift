/// 申领 and their drafts, by id, by person, by unit and by status: a shared index (`base`,
/// when there is one) with the applications and drafts changed since its position on top.
/// Without a base it holds everything itself, as the domain's tests and a verify replay use it.
///
/// As with `PersonDirectory`, a base may be ahead of the state holding it (another process
/// moved it on): an application changed here is read from here, and every other from the
/// base. A command is decided after catching up with the journal's end, where the base is
/// never ahead and the two agree.
public struct ApplicationBook: Sendable {
    public private(set) var base: (any ApplicationSource)?
    /// Applications changed since the base's position, by id.
    public internal(set) var changes: [String: Application] = [:]
    /// Drafts saved (a draft) or removed (nil) since the base's position, by person.
    public internal(set) var draftChanges: [String: CardState.Draft?] = [:]
    /// The changed applications' ids by person, unit and status, for merging with the base.
    private var byPerson: [String: SortedIDs] = [:]
    private var byUnit: [String: SortedIDs] = [:]
    private var byStatus: [ApplicationStatus: SortedIDs] = [:]

    public init(base: (any ApplicationSource)? = nil) { self.base = base }

    public subscript(id: String) -> Application? { changes[id] ?? base?.application(id) }

    /// The applications with these ids, in that order, leaving out any not found: a page of a list.
    public func applications(_ ids: [String]) -> [Application] {
        BaseOverlay.values(ids, changes: changes, read: base.map { base in base.applications })
    }

    /// How many applications there are (a new 办事编号 counts on from it).
    public var count: Int {
        guard let base else { return changes.count }
        let census = base.census(Array(changes.keys))
        return census.total + census.statuses.filter { $0 == nil }.count
    }

    public func ids(ofPerson number: String) -> [String] {
        merged(byPerson[number], base?.applicationIDs(ofPerson: number))
    }

    /// A unit's applications, in one status or in any, as list rows show them, in id order.
    public func briefs(ofUnit number: String, in status: ApplicationStatus? = nil) -> [ApplicationBrief] {
        let mine = (byUnit[number] ?? SortedIDs()).compactMap { changes[$0] }
            .filter { status == nil || $0.status == status }.map(ApplicationBrief.init)
        return merged(mine, base?.briefs(ofUnit: number, in: status).filter { changes[$0.id] == nil } ?? [])
    }

    /// The first `limit` applications in `status` (the oldest), as list rows show them.
    public func briefs(in status: ApplicationStatus, limit: Int) -> [ApplicationBrief] {
        let theirs = base.map { base in
            BaseOverlay.page(from: nil, limit: limit, { cursor, want in base.briefs(in: status, after: cursor?.id, limit: want) },
                             accepting: { changes[$0.id] == nil })
        } ?? []
        let mine = (byStatus[status] ?? SortedIDs()).compactMap { changes[$0] }.map(ApplicationBrief.init)
        return Array(merged(mine, theirs).prefix(limit))
    }

    /// How many applications are in each status.
    public func statusCounts() -> [ApplicationStatus: Int] {
        let census = base?.census(Array(changes.keys))
        var counts = census?.counts ?? [:]
        for (status, ids) in byStatus { counts[status, default: 0] += ids.count }
        // An application changed here is counted in its status here, not in its base one.
        for case let status? in census?.statuses ?? [] { counts[status, default: 0] -= 1 }
        return counts
    }

    public func draft(of person: String) -> CardState.Draft? {
        if let change = draftChanges[person] { return change }
        return base?.draft(of: person)
    }

    /// The application as an event at `sequence` finds it: this process's version, or the
    /// base's; `reflected` when the base has applied that event already (another process
    /// moved it past `sequence`), so applying it again would apply it twice.
    func beforeEvent(_ id: String, at sequence: UInt64) -> (application: Application?, reflected: Bool) {
        if let mine = changes[id] { return (mine, false) }
        guard let base else { return (nil, false) }
        let (application, position) = base.applicationAndPosition(id)
        return (application, position >= sequence)
    }

    /// This process's briefs and the base's, together in id order.
    private func merged(_ mine: [ApplicationBrief], _ theirs: [ApplicationBrief]) -> [ApplicationBrief] {
        mine.isEmpty ? theirs : (theirs + mine).sorted { $0.id < $1.id }
    }

    /// This process's ids and the base's, together in id order.
    private func merged(_ mine: SortedIDs?, _ theirs: [String]?) -> [String] {
        guard let mine, !mine.isEmpty else { return theirs ?? [] }
        guard let theirs, !theirs.isEmpty else { return Array(mine) }
        return Array(SortedIDs(theirs + mine))
    }

    /// Records an application as it now is: a new one, or a change to one.
    mutating func put(_ application: Application) {
        let id = application.id
        if let previous = changes[id] { byStatus[previous.status]?.remove(id) }
        changes[id] = application
        byStatus[application.status, default: SortedIDs()].insert(id)
        byPerson[application.personNumber, default: SortedIDs()].insert(id)
        if let unit = application.unitNumber { byUnit[unit, default: SortedIDs()].insert(id) }
    }

    mutating func saveDraft(_ draft: CardState.Draft, of person: String) { draftChanges[person] = draft }

    /// Removes the person's draft. Without a base there is nothing to hide, so no entry is kept.
    mutating func removeDraft(of person: String) {
        if base == nil {
            draftChanges.removeValue(forKey: person)
        } else {
            draftChanges[person] = .some(nil)
        }
    }

    /// Puts `base` under what is held here: from now on it is the changes since its position.
    public mutating func attach(_ base: any ApplicationSource) { self.base = base }

    /// Drops the changes once the base holds them (its position is at or past `sequence`).
    public mutating func settle(through sequence: UInt64) {
        guard let base, base.position >= sequence else { return }
        changes = [:]
        draftChanges = [:]
        byPerson = [:]
        byUnit = [:]
        byStatus = [:]
    }

    /// Nothing changed since the base's position.
    public var isSettled: Bool { changes.isEmpty && draftChanges.isEmpty }
}
