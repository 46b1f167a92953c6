/// Persons as a shared index holds them as of a journal position: the district's
/// directory, read by every clerk's process without loading it (CardStore's LMDB index).
/// A `PersonDirectory` puts the changes its process has applied since on top.
public protocol PersonSource: AnyObject, Sendable {
    /// Names the index, so that two handles on one index compare equal.
    var identity: String { get }
    /// The sequence number of the last journal record the index reflects.
    var position: UInt64 { get }
    var count: Int { get }
    func person(_ number: String) -> PersonRecord?
    /// Several persons read together, as a page of a list shows them: one look at one
    /// version of the index, in the order asked.
    func persons(_ numbers: [String]) -> [PersonRecord?]
    /// The person last recorded with this 卡预留手机号, if the index still says so.
    func documentNumber(ofMobile mobile: String) -> String?
    /// Persons whose name starts with `prefix`, in (name, number) byte order, after `after`.
    func names(prefix: String, after: PersonKey?, limit: Int) -> [PersonKey]
    /// The same persons as `names`, whole: a page of a name search, read in one
    /// transaction as the name index is scanned.
    func persons(namedWith prefix: String, after: PersonKey?, limit: Int) -> [PersonRecord]
    /// Document numbers of the persons recorded at `unit`, in byte order, after `after`.
    func members(ofUnit unit: String, after: String?, limit: Int) -> [String]
    /// The same persons as `members`, whole, read in one transaction as the unit index is
    /// scanned: a member whose record is not there is damage, not a shorter list.
    func persons(ofUnit unit: String, after: String?, limit: Int) -> [PersonRecord]
}

/// A sort key of the name and unit indexes: the value, then the document number, so the
/// order is stable and complete however many people share a name.
public struct PersonKey: Comparable, Hashable, Sendable {
    public var value: String
    public var number: String

    public init(value: String, number: String) {
        self.value = value
        self.number = number
    }

    /// A person's place in the name index.
    public init(nameOf person: PersonRecord) {
        self.init(value: person.name, number: person.documentNumber)
    }

    /// Byte order (UTF-8), as LMDB sorts keys: the same order in memory and in the index.
    public static func < (lhs: PersonKey, rhs: PersonKey) -> Bool {
        if lhs.value != rhs.value { return lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8) }
        return lhs.number.utf8.lexicographicallyPrecedes(rhs.number.utf8)
    }
}
