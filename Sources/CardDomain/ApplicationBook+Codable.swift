/// A snapshot holds the changes only; the base is the shared index, attached again on load.
extension ApplicationBook: Codable {
    private enum CodingKeys: String, CodingKey { case applications, drafts, removedDrafts }

    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for application in try container.decode([Application].self, forKey: .applications) { put(application) }
        for (person, draft) in try container.decode([String: CardState.Draft].self, forKey: .drafts) { saveDraft(draft, of: person) }
        // Kept as removals even before a base is attached: the base may still hold them.
        for person in try container.decode([String].self, forKey: .removedDrafts) { draftChanges[person] = .some(nil) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(changes.keys.sorted().map { changes[$0]! }, forKey: .applications)
        try container.encode(draftChanges.compactMapValues { $0 }, forKey: .drafts)
        try container.encode(draftChanges.filter { $0.value == nil }.keys.sorted(), forKey: .removedDrafts)
    }
}

/// Two books are equal when they answer alike: the same base index (or none), and the same
/// application and draft for everything either has changed.
extension ApplicationBook: Equatable {
    public static func == (lhs: ApplicationBook, rhs: ApplicationBook) -> Bool {
        guard lhs.base?.identity == rhs.base?.identity else { return false }
        let ids = Set(lhs.changes.keys).union(rhs.changes.keys)
        let persons = Set(lhs.draftChanges.keys).union(rhs.draftChanges.keys)
        return ids.allSatisfy { lhs[$0] == rhs[$0] } && persons.allSatisfy { lhs.draft(of: $0) == rhs.draft(of: $0) }
    }
}
