/// How a process's view reads through to the shared index under the changes it holds
/// since the index's position: `PersonDirectory` and `ApplicationBook` alike.
enum BaseOverlay {
    /// The values for `keys`, in that order, leaving out any not found: a changed one from
    /// `changes`, the others read from the base together (`read`, nil without a base).
    static func values<Value>(_ keys: [String], changes: [String: Value], read: (([String]) -> [Value?])?) -> [Value] {
        guard let read else { return keys.compactMap { changes[$0] } }
        var next = read(keys.filter { changes[$0] == nil }).makeIterator()
        return keys.compactMap { key in changes[key] ?? next.next() ?? nil }
    }

    /// Pages through the base from `start` (`read` gives up to its count after a cursor),
    /// keeping what `accepting` takes (not what was changed since), until `limit` are kept
    /// or the base has no more.
    static func page<Item>(from start: Item?, limit: Int, _ read: (Item?, Int) -> [Item],
                           accepting: (Item) -> Bool) -> [Item] {
        page(from: start, limit: limit, cursor: { $0 }, read, accepting: accepting)
    }

    /// `page` where an item is not its own cursor (a person record, paged by its name key).
    static func page<Item, Cursor>(from start: Cursor?, limit: Int, cursor cursorOf: (Item) -> Cursor,
                                   _ read: (Cursor?, Int) -> [Item], accepting: (Item) -> Bool) -> [Item] {
        var found: [Item] = []
        var cursor = start
        while found.count < limit {
            let batch = read(cursor, limit)
            found += batch.filter(accepting)
            guard batch.count == limit, let last = batch.last else { break }
            cursor = cursorOf(last)
        }
        return found
    }
}
