/// Application ids kept in order (an id sorts by when it was given), so a status's oldest
/// applications are the first ones, without sorting tens of thousands at each look.
/// Encoded as a JSON array, and sorted again when decoded.
public struct SortedIDs: Codable, Equatable, Sendable, RandomAccessCollection {
    private var ids: [String] = []

    public init() {}

    public init(_ ids: some Sequence<String>) { self.ids = Array(Set(ids)).sorted() }

    public var startIndex: Int { ids.startIndex }
    public var endIndex: Int { ids.endIndex }
    public subscript(position: Int) -> String { ids[position] }

    public func contains(_ id: String) -> Bool {
        let index = insertionPoint(of: id)
        return index < ids.count && ids[index] == id
    }

    public mutating func insert(_ id: String) {
        let index = insertionPoint(of: id)
        if index == ids.count || ids[index] != id { ids.insert(id, at: index) }
    }

    public mutating func remove(_ id: String) {
        let index = insertionPoint(of: id)
        if index < ids.count, ids[index] == id { ids.remove(at: index) }
    }

    /// The first index whose id is not less than `id` (ids mostly arrive in order: the end first).
    private func insertionPoint(of id: String) -> Int {
        if let last = ids.last, last < id { return ids.count }
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low
    }

    public init(from decoder: any Decoder) throws {
        ids = Array(Set(try [String](from: decoder))).sorted()
    }

    public func encode(to encoder: any Encoder) throws {
        try ids.encode(to: encoder)
    }
}
