/// A snapshot holds the changes only; the base is the shared index, attached again on load.
extension PersonDirectory: Codable {
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.singleValueContainer()
        for person in try container.decode([PersonRecord].self) { record(person) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(changes.keys.sorted().map { changes[$0]! })
    }
}

/// Two directories are equal when they answer alike: the same base index (or none), and
/// the same record for every person either has changed.
extension PersonDirectory: Equatable {
    public static func == (lhs: PersonDirectory, rhs: PersonDirectory) -> Bool {
        guard lhs.base?.identity == rhs.base?.identity else { return false }
        let numbers = Set(lhs.changes.keys).union(rhs.changes.keys)
        return numbers.allSatisfy { lhs.person($0) == rhs.person($0) }
    }
}
