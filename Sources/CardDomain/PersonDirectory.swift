/// 参保人员 by document number, by 卡预留手机号, by name prefix and by unit: a shared
/// index (`base`, when there is one) with the persons recorded since its position on top.
/// Without a base it holds everyone itself, as the domain's tests and a verify replay use it.
///
/// A base may be ahead of the state that holds it (another process moved it on). That is
/// harmless: persons only ever change by a whole new record, and a command is decided
/// after catching up with the journal's end, where every view agrees.
public struct PersonDirectory: Sendable {
    public private(set) var base: (any PersonSource)?
    /// Persons recorded since the base's position, by document number.
    public private(set) var changes: [String: PersonRecord] = [:]
    /// The latest person recorded here with each 卡预留手机号.
    public private(set) var mobiles: [String: String] = [:]

    public init(base: (any PersonSource)? = nil) { self.base = base }

    public func person(_ number: String) -> PersonRecord? { changes[number] ?? base?.person(number) }

    /// The persons with these numbers, in that order, leaving out any not found: a page of a list.
    public func persons(_ numbers: [String]) -> [PersonRecord] {
        BaseOverlay.values(numbers, changes: changes, read: base.map { base in base.persons })
    }

    public func documentNumber(ofMobile mobile: String) -> String? {
        // An entry is only believed while its person still has that number.
        for candidate in [mobiles[mobile], base?.documentNumber(ofMobile: mobile)] {
            if let number = candidate, person(number)?.mobile == mobile { return number }
        }
        return nil
    }

    public var count: Int {
        guard let base else { return changes.count }
        return base.count + changes.keys.filter { base.person($0) == nil }.count
    }

    public var isEmpty: Bool { count == 0 }

    /// Up to `limit` persons whose name starts with `prefix`, in (name, number) order, after `after`.
    public func named(prefix: String, after: PersonKey? = nil, limit: Int) -> [PersonKey] {
        let mine = changes.values.filter { $0.name.hasPrefix(prefix) }.map { PersonKey(value: $0.name, number: $0.documentNumber) }
        let theirs = fetchBase(from: after, limit: limit, cursor: { $0 }) { base, cursor, want in
            base.names(prefix: prefix, after: cursor, limit: want)
        } accepting: { key in changes[key.number] == nil }
        return merge(mine, into: theirs, after: after, limit: limit, key: { $0 })
    }

    /// The persons of `named(prefix:after:limit:)`, whole, in the same order: what a
    /// search list shows, without a second look-up per person.
    public func persons(namedWith prefix: String, after: PersonKey? = nil, limit: Int) -> [PersonRecord] {
        let mine = changes.values.filter { $0.name.hasPrefix(prefix) }
        let theirs = fetchBase(from: after, limit: limit, cursor: PersonKey.init(nameOf:)) { base, cursor, want in
            base.persons(namedWith: prefix, after: cursor, limit: want)
        } accepting: { person in changes[person.documentNumber] == nil }
        return merge(mine, into: theirs, after: after, limit: limit, key: PersonKey.init(nameOf:))
    }

    /// The persons of `members(ofUnit:after:limit:)`, whole, in the same order: what a unit's
    /// list shows, read with the listing rather than looked up one by one.
    public func persons(ofUnit unit: String, after: String? = nil, limit: Int) -> [PersonRecord] {
        let mine = changes.values.filter { $0.unitNumber == unit }
        let member = { (person: PersonRecord) in PersonKey(value: unit, number: person.documentNumber) }
        let theirs = fetchBase(from: after.map { PersonKey(value: unit, number: $0) }, limit: limit, cursor: member) { base, cursor, want in
            base.persons(ofUnit: unit, after: cursor?.number, limit: want)
        } accepting: { person in changes[person.documentNumber] == nil }
        return merge(mine, into: theirs, after: after.map { PersonKey(value: unit, number: $0) }, limit: limit, key: member)
    }

    /// Up to `limit` persons recorded at `unit`, whatever their status, in document number order.
    public func members(ofUnit unit: String, after: String? = nil, limit: Int) -> [String] {
        let mine = changes.values.filter { $0.unitNumber == unit }.map { PersonKey(value: unit, number: $0.documentNumber) }
        let start = after.map { PersonKey(value: unit, number: $0) }
        let theirs = fetchBase(from: start, limit: limit, cursor: { $0 }) { base, cursor, want in
            base.members(ofUnit: unit, after: cursor?.number, limit: want).map { PersonKey(value: unit, number: $0) }
        } accepting: { key in changes[key.number] == nil }
        return merge(mine, into: theirs, after: start, limit: limit, key: { $0 }).map(\.number)
    }

    /// Pages through the base, skipping the persons this directory has changed since (their
    /// current record is in `changes`), until `limit` are found or the base has no more.
    /// Items are keys, or whole persons paged by their key (`cursor`).
    private func fetchBase<Item>(from start: PersonKey?, limit: Int, cursor: (Item) -> PersonKey,
                                 _ page: (any PersonSource, PersonKey?, Int) -> [Item], accepting: (Item) -> Bool) -> [Item] {
        guard let base else { return [] }
        return BaseOverlay.page(from: start, limit: limit, cursor: cursor, { cursor, want in page(base, cursor, want) },
                                accepting: accepting)
    }

    /// This process's items merged into a page the base gave in `key` order, after `after`:
    /// usually there are none of its own, and the page is used as it is.
    private func merge<Item>(_ mine: [Item], into theirs: [Item], after: PersonKey?, limit: Int,
                             key: (Item) -> PersonKey) -> [Item] {
        if mine.isEmpty { return Array(theirs.prefix(limit)) }
        return Array((mine + theirs).filter { after == nil || key($0) > after! }.sorted { key($0) < key($1) }.prefix(limit))
    }

    /// Records a person (the `personRecorded` event).
    public mutating func record(_ person: PersonRecord) {
        let number = person.documentNumber
        if let old = changes[number]?.mobile, mobiles[old] == number { mobiles[old] = nil }
        changes[number] = person
        if let mobile = person.mobile { mobiles[mobile] = number }
    }

    /// Puts `base` under the persons held here: from now on they are the changes since its position.
    public mutating func attach(_ base: any PersonSource) { self.base = base }

    /// Drops the changes once the base holds them, that is once its position is at or past
    /// `sequence`, the last record the state has applied: the base then answers for everyone.
    public mutating func settle(through sequence: UInt64) {
        guard let base, base.position >= sequence else { return }
        changes = [:]
        mobiles = [:]
    }
}
